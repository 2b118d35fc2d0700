// The per-token kernel against torch and numpy for every stored type, the identities of
// docs/METRICS.md on constructed vectors (including near 0° and 180°), and degenerate vectors;
// the statistics pass's fused rows against the kernel and the massive-activation state's scan.
#include <Eigen/Geometry>
#include <QTest>
#include <cmath>
#include <cstring>
#include <numbers>
#include <random>

#include "core/analysis/magnitude_scan.h"
#include "core/analysis/massive_activations.h"
#include "core/io/dump.h"
#include "core/metrics/scanned_rows.h"
#include "core/metrics/token_metrics.h"
#include "tests/core/test_metric_fixtures.h"

using namespace lngeom;

namespace {

constexpr double kDegrees = 180.0 / std::numbers::pi;

// x = a·1 + δ·v with v ⟂ 1 (alternating ±1), so ‖x⊥‖ = |δ|·√d and c = a·√d exactly.
RowMatrixD vector_off_axis(Index d, double a, double delta) {
    RowMatrixD x(1, d);
    for (Index i = 0; i < d; ++i) x(0, i) = a + (i % 2 ? -delta : delta);
    return x;
}

RowMatrixD metrics_of(const RowMatrixD& x, double eps, std::vector<std::uint8_t>& flags) {
    RowBlock block{0, x};
    RowMatrixD values;
    token_metrics(block, nullptr, eps, values, flags);
    return values;
}

double metric(const RowMatrixD& values, Metric which) { return values(0, column_of(which)); }

// Rows of every kind the fused rows treat apart: ordinary ones of varied scale, invalid ones
// (NaN, ±Inf, zero, constant) between them, a massive coordinate, |x| = 6 exactly and a tie
// for a dimension's peak. Row 0 is invalid, so the first scan waits for a later row.
RowMatrixF mixed_rows(Index d) {
    std::mt19937 engine{std::uint32_t(d)};
    std::normal_distribution<float> normal;
    RowMatrixF x(40, d);
    for (Index r = 0; r < x.rows(); ++r)
        for (Index i = 0; i < d; ++i) x(r, i) = normal(engine) * float(1 + r % 5);
    x.row(0).setConstant(2.5f);
    x(3, d / 2) = std::nanf("");
    x(4, 0) = std::numeric_limits<float>::infinity();
    x.row(5).setZero();
    x.row(6).setConstant(-1.0f);
    x(7, d - 1) = 3000.0f;
    x(8, 1) = 6.0f;
    x.row(10) = x.row(9);
    x.row(39).setConstant(4.0f);  // the last row invalid, so the last scan is of an earlier one
    return x;
}

bool same_bits(const RowMatrixD& a, const RowMatrixD& b) {
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           std::memcmp(a.data(), b.data(), size_t(a.size()) * sizeof(double)) == 0;
}

bool same_counts(const MagnitudeCounts& a, const MagnitudeCounts& b) {
    return a.first_bin() == b.first_bin() && a.counts() == b.counts() && a.total() == b.total();
}

bool same_state(const MassiveState& a, const MassiveState& b) {
    return same_counts(a.magnitudes(), b.magnitudes()) &&
           same_counts(a.token_peaks(true), b.token_peaks(true)) &&
           same_counts(a.token_peaks(false), b.token_peaks(false)) &&
           a.peak_abs() == b.peak_abs() && a.peak_row() == b.peak_row() &&
           a.peak_position() == b.peak_position() &&
           a.int8_outlier_tokens() == b.int8_outlier_tokens();
}

}  // namespace

class TestMetricsKernel : public QObject {
    Q_OBJECT

  private slots:
    void matches_torch_and_numpy_data() {
        QTest::addColumn<QString>("type");
        for (const QString& type : test::metric_fixture_types())
            QTest::newRow(qPrintable(type)) << type;
    }

    void matches_torch_and_numpy() {
        QFETCH(QString, type);
        const std::string path = test::metric_fixture(type);
        const Dump dump = Dump::open(path);
        for (size_t site = 0; site < dump.info().sites.size(); ++site) {
            const SiteInfo& info = dump.info().sites[site];
            RowBlock input, output;
            dump.read_rows(site, Stream::Input, 0, info.n_tokens, input);
            if (info.has_output) dump.read_rows(site, Stream::Output, 0, info.n_tokens, output);
            RowMatrixD values;
            std::vector<std::uint8_t> flags;
            token_metrics(input, info.has_output ? &output : nullptr, info.eps, values, flags);
            QCOMPARE(flags, test::expected_site_flags(path, info.key));
            const std::vector<double> expected = test::expected_site_metrics(path, info.key);
            QCOMPARE(size_t(values.size()), expected.size());
            for (Index i = 0; i < values.size(); ++i)
                QVERIFY2(test::close_to(values.data()[i], expected[size_t(i)], 1e-9),
                         qPrintable(QString("site %1 token %2 %3: %4, expected %5")
                                        .arg(info.key.c_str())
                                        .arg(i / values.cols())
                                        .arg(describe(Metric(i % values.cols())).key.data())
                                        .arg(values.data()[i], 0, 'g', 17)
                                        .arg(expected[size_t(i)], 0, 'g', 17)));
        }
    }

    void identities_hold_data() {
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("delta");
        QTest::addColumn<double>("eps");
        QTest::newRow("orthogonal") << 0.0 << 1.5 << 1e-5;
        QTest::newRow("typical") << 0.3 << 2.0 << 1e-5;
        QTest::newRow("near 0 degrees") << 3.0 << 1e-9 << 1e-12;
        QTest::newRow("near 180 degrees") << -3.0 << 1e-9 << 1e-12;
        QTest::newRow("tiny sigma, large eps") << 1.0 << 1e-4 << 1e-2;
    }

    void identities_hold() {
        QFETCH(double, a);
        QFETCH(double, delta);
        QFETCH(double, eps);
        const Index d = 64;
        std::vector<std::uint8_t> flags;
        const RowMatrixD values = metrics_of(vector_off_axis(d, a, delta), eps, flags);
        QCOMPARE(flags.front(), std::uint8_t(0));
        const double sigma = metric(values, Metric::Sigma),
                     theta = metric(values, Metric::AngleToUniformDeg);
        const double mean = metric(values, Metric::UniformComponent) / std::sqrt(double(d));
        QVERIFY(test::close_to(sigma, std::abs(delta), 1e-12));
        const double exact_theta = std::atan2(std::abs(delta), a) * kDegrees;
        QVERIFY2(
            std::abs(theta - exact_theta) <= 1e-12 * std::max(exact_theta, 1.0),
            qPrintable(
                QString("θ = %1, exact %2").arg(theta, 0, 'g', 17).arg(exact_theta, 0, 'g', 17)));
        QVERIFY(test::close_to(metric(values, Metric::LnStandardizedNorm),
                               std::sqrt(double(d)) / std::sqrt(1.0 + eps / (sigma * sigma)),
                               1e-12));
        QVERIFY(test::close_to(metric(values, Metric::LnVsRmsDeg), std::abs(90.0 - theta), 1e-12));
        const double rms = metric(values, Metric::Rms);
        QVERIFY(test::close_to(rms * rms, sigma * sigma + mean * mean, 1e-12));
        QVERIFY(test::close_to(metric(values, Metric::AbsCosToUniform),
                               std::abs(std::cos(theta / kDegrees)), 1e-12));
    }

    void sigma_survives_a_massive_first_coordinate_data() {
        QTest::addColumn<double>("massive");
        for (double massive : {10.0, 1e3, 1e6, 1e9, -1e12})
            QTest::newRow(qPrintable(QString::number(massive))) << massive;
    }

    // The one-pass sums are shifted by x[0]; a far-off x[0] (a "massive activation") must
    // still give σ to full precision.
    void sigma_survives_a_massive_first_coordinate() {
        QFETCH(double, massive);
        RowMatrixD x = vector_off_axis(101, 0.25, 1.5);
        x(0, 0) = massive;
        long double mean = 0, squares = 0;
        for (Index i = 0; i < x.cols(); ++i) mean += x(0, i);
        mean /= x.cols();
        for (Index i = 0; i < x.cols(); ++i) squares += (x(0, i) - mean) * (x(0, i) - mean);
        const double exact = double(std::sqrt(squares / x.cols()));
        std::vector<std::uint8_t> flags;
        const double sigma = metric(metrics_of(x, 1e-5, flags), Metric::Sigma);
        QVERIFY2(std::abs(sigma - exact) <= 1e-14 * exact,
                 qPrintable(QString("%1 vs %2").arg(sigma, 0, 'g', 17).arg(exact, 0, 'g', 17)));
    }

    void degenerate_vectors_are_flagged_data() {
        QTest::addColumn<double>("first");
        QTest::addColumn<double>("rest");
        QTest::addColumn<int>("reasons");
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("zero") << 0.0 << 0.0 << int(kZeroVector | kConstant);
        QTest::newRow("constant") << 0.25 << 0.25 << int(kConstant);
        QTest::newRow("negative constant") << -7.0 << -7.0 << int(kConstant);
        QTest::newRow("NaN") << std::nan("") << 1.0 << int(kNonFinite);
        QTest::newRow("+Inf") << inf << 1.0 << int(kNonFinite);
        QTest::newRow("-Inf") << -inf << 1.0 << int(kNonFinite);
        QTest::newRow("Inf and -Inf") << -inf << inf << int(kNonFinite);
    }

    void degenerate_vectors_are_flagged() {
        QFETCH(double, first);
        QFETCH(double, rest);
        QFETCH(int, reasons);
        RowMatrixD x = RowMatrixD::Constant(2, 33, rest);
        x(0, 0) = first;
        x.row(1).setLinSpaced(33, -1.0, 2.0);
        const RowBlock input{0, x};
        RowMatrixD values;
        std::vector<std::uint8_t> flags;
        token_metrics(input, &input, 1e-5, values, flags);
        QCOMPARE(int(flags[0]), reasons);
        QCOMPARE(int(flags[1]), 0);
        QVERIFY(values.row(0).array().isNaN().all());
        QVERIFY(values.row(1).array().isFinite().all());
    }

    void fused_rows_give_the_bits_of_the_separate_passes_data() {
        QTest::addColumn<int>("d");
        QTest::addColumn<bool>("with_output");
        for (const int d : {2, 7, 8, 37, 1024})
            for (const bool with_output : {false, true})
                QTest::newRow(
                    qPrintable(QString("d = %1%2").arg(d).arg(with_output ? ", output" : "")))
                    << d << with_output;
    }

    // token_metrics_scanned against token_metrics and MassiveState::add, which scans the rows
    // itself: the same metrics bit for bit and the same massive-activation state.
    void fused_rows_give_the_bits_of_the_separate_passes() {
        QFETCH(int, d);
        QFETCH(bool, with_output);
        const RowBlock input{100, mixed_rows(d)};
        RowMatrixF y = mixed_rows(d).reverse() * 0.5f;
        y.row(12).setZero();  // an invalid output of a valid input row
        const RowBlock output{100, y};
        const RowBlock* out = with_output ? &output : nullptr;
        RowMatrixD expected, values;
        std::vector<std::uint8_t> expected_flags, flags;
        token_metrics(input, out, 1e-5, expected, expected_flags);
        MagnitudeScan scan(d);
        std::vector<float> largest;
        token_metrics_scanned(std::get<RowMatrixF>(input.rows), out, 1e-5, values, flags, scan,
                              largest);
        QVERIFY(same_bits(values, expected));
        QVERIFY(flags == expected_flags);
        std::vector<std::int32_t> positions(40);
        for (size_t r = 0; r < positions.size(); ++r) positions[r] = std::int32_t(r % 16);
        MassiveState scanned_here(d), scanned_by_state(d);
        scanned_here.add_scanned(scan, largest, input.first_row, positions, flags);
        scanned_by_state.add(input, positions, flags);
        QVERIFY(same_state(scanned_here, scanned_by_state));
    }

    void non_finite_output_blanks_only_output_metrics_data() {
        QTest::addColumn<double>("output_value");
        QTest::newRow("NaN") << std::nan("");
        QTest::newRow("Inf") << std::numeric_limits<double>::infinity();
        QTest::newRow("zero") << 0.0;
    }

    void non_finite_output_blanks_only_output_metrics() {
        QFETCH(double, output_value);
        RowMatrixF x(1, 9), y(1, 9);
        x.row(0).setLinSpaced(9, -1.0f, 3.0f);
        y.setConstant(output_value == 0.0 ? 0.0f : 1.0f);
        y(0, 4) = float(output_value);
        const RowBlock input{0, x}, output{0, y};
        RowMatrixD values;
        std::vector<std::uint8_t> flags;
        token_metrics(input, &output, 1e-5, values, flags);
        QCOMPARE(int(flags[0]), int(kOutputInvalid));
        QVERIFY(values.leftCols(kInputMetricCount).array().isFinite().all());
        QVERIFY(values.rightCols(2).array().isNaN().all());
    }

    void rotation_is_accurate_near_0_and_180_data() {
        QTest::addColumn<double>("sign");
        QTest::addColumn<double>("tilt");
        QTest::newRow("0 degrees + 1e-7 rad") << 1.0 << 1e-7;
        QTest::newRow("180 degrees - 1e-7 rad") << -1.0 << 1e-7;
        QTest::newRow("90 degrees") << 0.0 << 1.0;
    }

    void rotation_is_accurate_near_0_and_180() {
        QFETCH(double, sign);
        QFETCH(double, tilt);
        RowMatrixD x = RowMatrixD::Zero(1, 4), y = RowMatrixD::Zero(1, 4);
        x(0, 0) = 2.0;
        x(0, 1) = 1.0;
        y(0, 0) = sign * 5.0;
        y(0, 2) = tilt * 5.0;
        const RowBlock input{0, x}, output{0, y};
        RowMatrixD values;
        std::vector<std::uint8_t> flags;
        token_metrics(input, &output, 1e-5, values, flags);
        const Eigen::Vector3d a(2.0, 1.0, 0.0), b(sign * 5.0, 0.0, tilt * 5.0);
        const double exact = std::atan2(a.cross(b).norm(), a.dot(b)) * kDegrees;
        QVERIFY2(std::abs(metric(values, Metric::RotationDeg) - exact) <= 1e-10,
                 qPrintable(QString::number(metric(values, Metric::RotationDeg) - exact)));
    }
};

QTEST_GUILESS_MAIN(TestMetricsKernel)
#include "test_metrics_kernel.moc"
