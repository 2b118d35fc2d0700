// What the ellipsoid view draws (core/analysis/ellipsoid_picture, teaching_ellipse): the chosen
// axes, the tokens' outputs placed in their basis, and the d = 3 ellipse the user edits.
#include <QTest>
#include <cmath>

#include "core/analysis/ellipsoid_axes.h"
#include "core/analysis/ellipsoid_picture.h"
#include "core/analysis/ellipsoid_tokens.h"
#include "core/analysis/teaching_ellipse.h"
#include "core/errors.h"
#include "core/geometry/norm_affine.h"
#include "tests/core/test_analysis_fixtures.h"

using namespace lngeom;

class TestEllipsoidPicture : public QObject {
    Q_OBJECT

  private slots:
    // The three largest axes; each point is V₃ᵀ(z_t + β) for the token's own z_t.
    void tokens_are_placed_in_the_basis_of_the_largest_axes() {
        const Dump dump = Dump::open(test::analysis_fixture("massive.h5"));
        const EllipsoidPicture picture =
            compute_ellipsoid_picture(dump, {2, AxisChoice::Largest, 100});
        QCOMPARE(picture.tokens.size(), size_t(100));
        const NormAffine affine = read_norm_affine(dump, 2);
        const Eigen::VectorXd gamma = effective_gamma(affine, 64);
        const EllipsoidAxes all = layer_norm_axes_by_secular(gamma);
        for (int a = 0; a < 3; ++a) {
            QCOMPARE(picture.axis_index[size_t(a)], Index(62 - a));
            QVERIFY(std::abs(picture.lengths(a) - all.lengths(62 - a)) < 1e-12 * all.lengths(62));
        }
        const Index token = 37;
        const RowMatrixD x = dump.read_vector(2, Stream::Input, token).transpose();
        const RowMatrixD z = standardize_rows(NormKind::LayerNorm, x, 1e-5) * gamma.asDiagonal();
        const Eigen::Vector3d expected =
            picture.directions.transpose() * (z.row(0).transpose() + *affine.beta);
        QVERIFY((picture.points.row(token).cast<double>().transpose() - expected).norm() <
                1e-4 * expected.norm());
        const double rho = shell_radii(standardize_rows(NormKind::LayerNorm, x, 1e-5))(0);
        QVERIFY(std::abs(picture.shell_depth[size_t(token)] - (1 - rho)) < 1e-6);
        for (Index t = 0; t < picture.points.rows(); ++t)
            QVERIFY(picture.occupancy.row(t).sum() <= 1.0f + 1e-5f);
    }

    // Most occupied: the planted first tokens put their weight on few axes; the chosen three
    // have the largest mean occupancy of all d − 1.
    void most_occupied_axes_have_the_largest_mean_occupancy() {
        const Dump dump = Dump::open(test::analysis_fixture("massive.h5"));
        const EllipsoidPicture picture =
            compute_ellipsoid_picture(dump, {2, AxisChoice::MostOccupied, 256});
        const Eigen::VectorXd gamma = effective_gamma(read_norm_affine(dump, 2), 64);
        RowMatrixD x(256, 64);
        for (Index t = 0; t < 256; ++t)
            x.row(t) = dump.read_vector(2, Stream::Input, t).transpose();
        const Eigen::VectorXd mean = mean_axis_occupancy(
            SecularEquation(gamma),
            standardize_rows(NormKind::LayerNorm, x, 1e-5) * gamma.asDiagonal());
        Eigen::VectorXd sorted = mean;
        std::sort(sorted.data(), sorted.data() + sorted.size(), std::greater<>());
        for (int a = 0; a < 3; ++a) {
            QCOMPARE(mean(picture.axis_index[size_t(a)]), sorted(a));
            QVERIFY(std::abs(picture.mean_occupancy(a) - sorted(a)) < 1e-6);
        }
    }

    void rms_norm_axes_are_coordinates() {
        const Dump dump = Dump::open(std::string(LNGEOM_SOURCE_DIR) + "/data/sample-rmsnorm.h5");
        const EllipsoidPicture picture =
            compute_ellipsoid_picture(dump, {0, AxisChoice::Largest, 50});
        QCOMPARE(picture.kind, NormKind::RmsNorm);
        const Eigen::VectorXd gamma = effective_gamma(read_norm_affine(dump, 0), picture.d);
        Index largest = 0;
        gamma.cwiseAbs().maxCoeff(&largest);
        QCOMPARE(picture.axis_index[0], largest);
        QCOMPARE(picture.directions(largest, 0), 1.0);
        QVERIFY(std::abs(picture.lengths(0) -
                         std::sqrt(double(picture.d)) * std::abs(gamma(largest))) < 1e-12);
    }

    void a_missing_site_is_refused_with_the_reason() {
        const Dump dump = Dump::open(test::analysis_fixture("massive.h5"));
        try {
            compute_ellipsoid_picture(dump, {9});
            QFAIL("site 9 accepted");
        } catch (const RequestError& error) {
            QVERIFY(error.file().ends_with("massive.h5"));
            QCOMPARE(error.reason(), std::string("has no site 9 (it has 4)"));
        }
    }

    // At d = 3 the circle of 1⊥ ∩ √3-sphere maps to an ellipse in the plane nᵀ(z − β) = 0,
    // whose points occupy its two axes fully (Σq = ρ² = 1).
    void teaching_ellipse_lies_in_its_tilted_plane() {
        const Eigen::Vector3d gamma(0.5, 1.0, 3.0), beta(0.3, -0.2, 1.0);
        const TeachingEllipse teaching = teaching_ellipse(gamma, beta, 90);
        QCOMPARE(teaching.circle.rows(), Index(90));
        QCOMPARE(teaching.axes.lengths.size(), Index(2));
        for (Index s = 0; s < 90; ++s) {
            const Eigen::Vector3d y = teaching.circle.row(s).transpose();
            QVERIFY(std::abs(y.sum()) < 1e-12);
            QVERIFY(std::abs(y.norm() - std::sqrt(3.0)) < 1e-12);
            const Eigen::Vector3d z = teaching.ellipse.row(s).transpose() - beta;
            QVERIFY(std::abs(teaching.normal.dot(z)) < 1e-12);
            const RowMatrixD row = z.transpose();
            QVERIFY(std::abs(axis_occupancy(row, teaching.axes).sum() - 1.0) < 1e-12);
        }
        QVERIFY(teaching.summary.tilt_cos < 0.99);
        const TeachingEllipse circle = teaching_ellipse(Eigen::Vector3d::Constant(2), beta);
        QVERIFY(std::abs(circle.summary.tilt_cos - 1) < 1e-15);
        QCOMPARE(circle.axes.lengths(0), circle.axes.lengths(1));
        QVERIFY(std::isnan(teaching_ellipse(Eigen::Vector3d(0, 1, 2), beta).normal(0)));
    }
};

QTEST_APPLESS_MAIN(TestEllipsoidPicture)
#include "test_ellipsoid_picture.moc"
