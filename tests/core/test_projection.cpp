// Placing token vectors in a projection basis: the linear placement is the plain projection of
// each representation, the true-radius placement keeps the direction at the vector's real norm
// (every standardized y at radius √d/√(1 + ε/σ²), on the hyperplane ⊥ 1).
#include <QTest>
#include <cmath>

#include "core/geometry/projection.h"
#include "tests/core/test_point_clouds.h"

using namespace lngeom;

namespace {

RowMatrixD orthogonal_part(const RowMatrixD& rows) {
    return rows.colwise() - rows.rowwise().mean();
}

Eigen::ArrayXd sigma_of(const RowMatrixD& rows) {
    return (orthogonal_part(rows).rowwise().squaredNorm() / double(rows.cols())).array().sqrt();
}

ProjectionBasis some_basis(const RowMatrixD& rows) {
    return random_basis(matrix_block_source(rows, 100), rows.cols(), 4);
}

// Rows with σ from 1e-3 to 10, so that ε matters for some and not others.
RowMatrixD rows_of_many_spreads(Index d) {
    RowMatrixD rows = test::anisotropic_cloud(60, d, 2.0, 21);
    for (Index row = 0; row < rows.rows(); ++row) rows.row(row) *= std::pow(10.0, row % 5 - 3);
    return rows;
}

}  // namespace

class TestProjection : public QObject {
    Q_OBJECT

  private slots:
    void true_radius_puts_standardized_y_on_the_sphere_data() {
        QTest::addColumn<int>("d");
        QTest::addColumn<double>("eps");
        for (int d : {3, 64, 512})
            for (double eps : {0.0, 1e-5, 1e-2}) QTest::addRow("d=%d eps=%g", d, eps) << d << eps;
    }
    void true_radius_puts_standardized_y_on_the_sphere() {
        QFETCH(int, d);
        QFETCH(double, eps);
        const RowMatrixD rows = rows_of_many_spreads(d);
        const ProjectionBasis basis = some_basis(rows);
        const PointRows points = project_rows(RowBlock{0, rows}, Representation::LnStandardized,
                                              Placement::TrueRadius, basis.axes, eps);
        const Eigen::ArrayXd sigma = sigma_of(rows);
        for (Index row = 0; row < rows.rows(); ++row) {
            const double expected =
                std::sqrt(double(d)) / std::sqrt(1 + eps / (sigma(row) * sigma(row)));
            const double radius = points.row(row).cast<double>().norm();
            QVERIFY2(std::abs(radius - expected) < 1e-6 * expected,
                     qPrintable(QString("row %1: %2 vs %3").arg(row).arg(radius).arg(expected)));
            QCOMPARE(points(row, 2), 0.0f);
        }
    }

    void linear_placement_is_the_plain_projection_data() {
        QTest::addColumn<int>("representation");
        QTest::addRow("x") << int(Representation::Input);
        QTest::addRow("y") << int(Representation::LnStandardized);
        QTest::addRow("r") << int(Representation::RmsStandardized);
    }
    void linear_placement_is_the_plain_projection() {
        QFETCH(int, representation);
        const auto which = Representation(representation);
        const double eps = 1e-3;
        const RowMatrixD rows = rows_of_many_spreads(48);
        const ProjectionBasis basis = some_basis(rows);
        RowMatrixD vectors = rows;
        if (which == Representation::LnStandardized)
            vectors =
                (orthogonal_part(rows).array().colwise() / (sigma_of(rows).square() + eps).sqrt())
                    .matrix();
        if (which == Representation::RmsStandardized) {
            const Eigen::ArrayXd rms = (rows.rowwise().squaredNorm() / 48.0).array().sqrt();
            vectors = (rows.array().colwise() / (rms.square() + eps).sqrt()).matrix();
        }
        const Eigen::MatrixXd expected = vectors * basis.axes;
        const PointRows points = project_rows(RowBlock{0, RowMatrixF(rows.cast<float>())}, which,
                                              Placement::Linear, basis.axes, eps);
        for (Index row = 0; row < rows.rows(); ++row) {
            const double scale = std::max(1.0, expected.row(row).norm());
            QVERIFY((points.row(row).cast<double>() - expected.row(row)).norm() < 1e-5 * scale);
        }
    }

    void true_radius_keeps_the_projected_direction() {
        const RowMatrixD rows = rows_of_many_spreads(32);
        const ProjectionBasis basis = some_basis(rows);
        const RowBlock block{0, rows};
        const PointRows linear =
            project_rows(block, Representation::Input, Placement::Linear, basis.axes, 0.0);
        const PointRows radius = project_rows(block, Representation::RmsStandardized,
                                              Placement::TrueRadius, basis.axes, 0.0);
        for (Index row = 0; row < rows.rows(); ++row) {
            const Eigen::Vector3d a = linear.row(row).cast<double>().normalized();
            const Eigen::Vector3d b = radius.row(row).cast<double>();
            QVERIFY(std::abs(b.norm() - std::sqrt(32.0)) < 1e-5);
            QVERIFY((a - b.normalized()).norm() < 1e-6);
        }
    }

    void vectors_without_a_standardization_give_nan_rows() {
        RowMatrixD rows = RowMatrixD::Ones(3, 5);
        rows(1, 2) = NAN;
        rows.row(2).setZero();
        const ProjectionBasis basis = random_basis(matrix_block_source(rows, 3), 5, 1);
        const PointRows y = project_rows(RowBlock{0, rows}, Representation::LnStandardized,
                                         Placement::TrueRadius, basis.axes, 0.0);
        for (Index row = 0; row < 3; ++row) QVERIFY(std::isnan(y(row, 0)));
        const PointRows x = project_rows(RowBlock{0, rows}, Representation::Input,
                                         Placement::Linear, basis.axes, 0.0);
        QVERIFY(std::abs(x(0, 2) - std::sqrt(5.0f)) < 1e-6);
        QVERIFY(std::isnan(x(1, 0)));
        QCOMPARE(x(2, 2), 0.0f);
    }
};

QTEST_APPLESS_MAIN(TestProjection)
#include "test_projection.moc"
