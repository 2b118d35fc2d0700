// The projection basis: orthonormal, vertical axis û, horizontal axes ⊥ 1, for every kind;
// streamed principal directions against a dense eigen-decomposition, in memory and from a dump.
#include <QTest>
#include <cmath>
#include <string>

#include "core/errors.h"
#include "core/geometry/projection_basis.h"
#include "core/io/block_source.h"
#include "tests/core/test_point_clouds.h"

using namespace lngeom;

Q_DECLARE_METATYPE(lngeom::Index)

namespace {

const std::string kSample = LNGEOM_SOURCE_DIR "/data/sample-layernorm.h5";

ProjectionBasis basis_of_kind(const QString& kind, const RowMatrixD& rows) {
    const BlockSource source = matrix_block_source(rows, 64);
    const Index d = rows.cols();
    if (kind == "principal") return principal_basis(source, d);
    if (kind == "coordinates") return coordinate_basis(source, d, 0, d - 1);
    if (kind == "token") return token_basis(source, rows.row(3).transpose());
    return random_basis(source, d, 7);
}

RowMatrixD all_rows(const Dump& dump, std::size_t site) {
    RowBlock block;
    dump.read_rows(site, Stream::Input, 0, dump.info().sites[site].n_tokens, block);
    return std::visit([](const auto& m) { return RowMatrixD(m.template cast<double>()); },
                      block.rows);
}

// Every top-2 eigenvector of `covariance` is (up to sign) the basis's horizontal axis, and the
// shares are the eigenvalues over the trace.
void compare_with_dense(const ProjectionBasis& basis, const Eigen::MatrixXd& covariance) {
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(covariance);
    const Index d = covariance.rows();
    for (int axis = 0; axis < 2; ++axis) {
        const Eigen::VectorXd expected = eigen.eigenvectors().col(d - 1 - axis);
        const double alignment = std::abs(expected.dot(basis.axes.col(axis)));
        QVERIFY2(alignment > 1 - 1e-6, qPrintable(QString::number(alignment, 'g', 12)));
        const double share = eigen.eigenvalues()(d - 1 - axis) / covariance.trace();
        QVERIFY(std::abs(basis.variance_share(axis) - share) < 1e-6 * share);
    }
}

}  // namespace

class TestProjectionBasis : public QObject {
    Q_OBJECT

  private slots:
    void orthonormal_with_uniform_vertical_axis_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<Index>("d");
        for (const char* kind : {"principal", "coordinates", "token", "random"})
            for (Index d : {3, 17, 96})
                QTest::addRow("%s d=%d", kind, int(d)) << QString(kind) << d;
    }
    void orthonormal_with_uniform_vertical_axis() {
        QFETCH(QString, kind);
        QFETCH(Index, d);
        const RowMatrixD rows = test::anisotropic_cloud(200, d, 3.0, 11);
        const ProjectionBasis basis = basis_of_kind(kind, rows);
        QCOMPARE(basis.axes.rows(), d);
        const Eigen::Matrix3d gram = basis.axes.transpose() * basis.axes;
        QVERIFY((gram - Eigen::Matrix3d::Identity()).cwiseAbs().maxCoeff() < 1e-12);
        const Eigen::VectorXd uniform = Eigen::VectorXd::Constant(d, 1.0 / std::sqrt(double(d)));
        QVERIFY((basis.axes.col(2) - uniform).cwiseAbs().maxCoeff() < 1e-15);
        QVERIFY(std::abs(basis.axes.col(0).sum()) < 1e-12);
        QVERIFY(std::abs(basis.axes.col(1).sum()) < 1e-12);
        QCOMPARE(basis.rows_used, Index(200));
        QVERIFY(basis.variance_share.sum() > 0 && basis.variance_share.sum() <= 1 + 1e-12);
    }

    void principal_directions_match_dense_eigen_data() {
        QTest::addColumn<Index>("d");
        QTest::addColumn<Index>("block_rows");
        QTest::addColumn<double>("uniform_offset");
        for (Index d : {3, 8, 40, 120})
            for (Index block : {1, 37, 5000}) {
                QTest::addRow("d=%d block=%d", int(d), int(block)) << d << block << 0.5;
                QTest::addRow("d=%d block=%d far along 1", int(d), int(block)) << d << block << 1e4;
            }
    }
    void principal_directions_match_dense_eigen() {
        QFETCH(Index, d);
        QFETCH(Index, block_rows);
        QFETCH(double, uniform_offset);
        const RowMatrixD rows = test::anisotropic_cloud(400, d, uniform_offset, 5);
        PrincipalOptions options;
        options.max_iterations = 40;
        options.tolerance = 1e-12;
        const ProjectionBasis basis =
            principal_basis(matrix_block_source(rows, block_rows), d, options);
        compare_with_dense(basis, test::dense_orthogonal_covariance(rows));
    }

    void principal_directions_stream_from_a_dump() {
        const Dump dump = Dump::open(kSample);
        DumpStreamOptions stream;
        stream.block_bytes = 8 * 1024;  // many small blocks
        PrincipalOptions options;
        options.max_iterations = 60;
        options.tolerance = 1e-13;
        for (std::size_t site : {std::size_t(0), dump.info().sites.size() - 1}) {
            const Index d = dump.info().sites[site].d;
            const ProjectionBasis basis =
                principal_basis(dump_block_source(dump, site, Stream::Input, stream), d, options);
            QCOMPARE(basis.rows_used, dump.info().sites[site].n_tokens);
            compare_with_dense(basis, test::dense_orthogonal_covariance(all_rows(dump, site)));
        }
    }

    void rows_with_non_finite_values_are_skipped() {
        RowMatrixD rows = test::anisotropic_cloud(100, 12, 1.0, 3);
        const ProjectionBasis clean = principal_basis(matrix_block_source(rows, 16), 12);
        RowMatrixD dirty(rows.rows() + 2, rows.cols());
        dirty << rows.topRows(50), RowMatrixD::Constant(1, 12, NAN), rows.bottomRows(50),
            RowMatrixD::Constant(1, 12, INFINITY);
        const ProjectionBasis skipped = principal_basis(matrix_block_source(dirty, 16), 12);
        QCOMPARE(skipped.rows_used, Index(100));
        QVERIFY((clean.axes - skipped.axes).cwiseAbs().maxCoeff() < 1e-9);
    }

    void token_basis_starts_with_the_tokens_own_direction() {
        const RowMatrixD rows = test::anisotropic_cloud(150, 20, 2.0, 9);
        const Eigen::VectorXd x = rows.row(42).transpose();
        const ProjectionBasis basis = token_basis(matrix_block_source(rows, 50), x);
        const Eigen::VectorXd orthogonal = x.array() - x.mean();
        QVERIFY((basis.axes.col(0) - orthogonal.normalized()).cwiseAbs().maxCoeff() < 1e-12);
    }

    void coordinate_basis_spans_the_chosen_coordinates() {
        const RowMatrixD rows = test::anisotropic_cloud(50, 10, 0.0, 2);
        const ProjectionBasis basis = coordinate_basis(matrix_block_source(rows, 50), 10, 4, 7);
        for (Index i = 0; i < 10; ++i)
            if (i != 4 && i != 7)  // every other coordinate only carries the −1/d of the centring
                QVERIFY(std::abs(basis.axes(i, 0) - basis.axes(0, 0)) < 1e-12);
        QVERIFY(basis.axes(4, 0) > basis.axes(7, 0));
        QCOMPARE(basis.axis_names[1], std::string("x[7]⊥"));
    }

    void impossible_bases_are_refused() {
        const RowMatrixD rows = test::anisotropic_cloud(20, 5, 0.0, 1);
        const BlockSource source = matrix_block_source(rows, 8);
        QVERIFY_THROWS_EXCEPTION(RequestError, coordinate_basis(source, 5, 2, 2));
        QVERIFY_THROWS_EXCEPTION(RequestError, coordinate_basis(source, 5, 0, 5));
        QVERIFY_THROWS_EXCEPTION(RequestError, token_basis(source, Eigen::VectorXd::Ones(5)));
        QVERIFY_THROWS_EXCEPTION(RequestError,
                                 principal_basis(matrix_block_source(rows.leftCols(2), 8), 2));
    }
};

QTEST_APPLESS_MAIN(TestProjectionBasis)
#include "test_projection_basis.moc"
