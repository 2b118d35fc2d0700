// Massive activations (core/analysis/massive_activations, magnitude_counts): the per-site state
// on a dump with activations planted at chosen dimensions and tokens, against numpy; exact
// merging; the magnitude grid's quantiles and threshold counts.
#include <QTest>
#include <algorithm>
#include <random>
#include <vector>

#include "core/analysis/massive_activations.h"
#include "core/metrics/token_metrics.h"
#include "tests/core/test_analysis_fixtures.h"

using namespace lngeom;

namespace {

// The state of rows [first, first + count) of a site, flags from the metrics kernel.
MassiveState state_of_rows(const Dump& dump, std::size_t site, Index first, Index count) {
    RowBlock rows;
    dump.read_rows(site, Stream::Input, first, count, rows);
    RowMatrixD values;
    std::vector<std::uint8_t> flags;
    token_metrics(rows, nullptr, dump.info().sites[site].eps, values, flags);
    const std::vector<std::int32_t> positions = dump.read_position(first, count);
    MassiveState state(dump.info().sites[site].d);
    state.add(rows, positions, flags);
    return state;
}

bool same_state(const MassiveState& a, const MassiveState& b) {
    return a.magnitudes().counts() == b.magnitudes().counts() &&
           a.magnitudes().first_bin() == b.magnitudes().first_bin() &&
           a.token_peaks(true).counts() == b.token_peaks(true).counts() &&
           a.token_peaks(false).counts() == b.token_peaks(false).counts() &&
           a.peak_abs() == b.peak_abs() && a.peak_row() == b.peak_row() &&
           a.peak_position() == b.peak_position() &&
           a.int8_outlier_tokens() == b.int8_outlier_tokens();
}

}  // namespace

class TestMassiveActivations : public QObject {
    Q_OBJECT

  private slots:
    void planted_activations_are_found_as_numpy_finds_them() {
        const Dump dump = Dump::open(test::analysis_fixture("massive.h5"));
        const QJsonArray expected =
            test::analysis_json("massive.expected.json").value("sites").toArray();
        QCOMPARE(qsizetype(dump.info().sites.size()), expected.size());
        for (std::size_t site = 0; site < dump.info().sites.size(); ++site) {
            const QJsonObject want = expected[int(site)].toObject();
            const Index n = dump.info().sites[site].n_tokens;
            const MassiveReport report =
                report_massive(state_of_rows(dump, site, 0, n), MassiveThresholds{});
            const QString where = QString("site %1").arg(site);
            const double median = want.value("median_abs").toDouble();
            QVERIFY2(
                std::abs(report.median_abs / median - 1) < 0.022,
                qPrintable(where +
                           QString(": median %1, numpy %2").arg(report.median_abs).arg(median)));
            QVERIFY(report.has_positions);
            QCOMPARE(report.tokens_flagged, std::int64_t(want.value("tokens_flagged").toInt()));
            QCOMPARE(report.first_position_tokens,
                     std::int64_t(want.value("first_position_tokens").toInt()));
            QCOMPARE(report.first_position_flagged,
                     std::int64_t(want.value("first_position_flagged").toInt()));
            QCOMPARE(report.later_flagged, std::int64_t(want.value("later_flagged").toInt()));
            QCOMPARE(report.tokens, n);
            const QJsonArray dims = want.value("top_dims").toArray();
            QCOMPARE(qsizetype(report.top_dims.size()), dims.size());
            for (int k = 0; k < dims.size(); ++k) {
                const QJsonObject dim = dims[k].toObject();
                QCOMPARE(report.top_dims[size_t(k)].dim, Index(dim.value("dim").toInt()));
                QCOMPARE(report.top_dims[size_t(k)].max_abs, dim.value("max_abs").toDouble());
                QCOMPARE(report.top_dims[size_t(k)].token,
                         std::int64_t(dim.value("token").toInt()));
                QCOMPARE(report.top_dims[size_t(k)].position, dim.value("position").toInt());
            }
        }
    }

    // Massive at the first token only: the threshold the ratio sets (R × median ≈ 710) leaves a
    // planted 300 unflagged, and the absolute one (100) flags a planted 150 where the median
    // is tiny while 90 stays below.
    void both_thresholds_apply() {
        const Dump dump = Dump::open(test::analysis_fixture("massive.h5"));
        const MassiveReport quiet = report_massive(state_of_rows(dump, 0, 0, 256), {});
        QCOMPARE(quiet.threshold, 100.0);
        QCOMPARE(quiet.tokens_flagged, std::int64_t(1));
        const MassiveReport loud = report_massive(state_of_rows(dump, 2, 0, 256), {});
        QVERIFY(loud.threshold > 690 && loud.threshold < 730);
        QCOMPARE(loud.first_position_flagged, std::int64_t(8));
        QCOMPARE(loud.later_flagged, std::int64_t(1));  // the delimiter at row 100, not the 300
        const MassiveReport lenient = report_massive(state_of_rows(dump, 2, 0, 256), {100, 300});
        QCOMPARE(lenient.later_flagged, std::int64_t(2));  // now the 300 as well
    }

    void merging_any_split_gives_the_same_state() {
        const Dump dump = Dump::open(test::analysis_fixture("massive.h5"));
        const MassiveState whole = state_of_rows(dump, 2, 0, 256);
        for (const Index cut : {1, 31, 32, 100, 255}) {
            MassiveState later = state_of_rows(dump, 2, cut, 256 - cut);
            later.merge(state_of_rows(dump, 2, 0, cut));
            QVERIFY2(same_state(later, whole), qPrintable(QString("split at %1").arg(cut)));
        }
    }

    // Float rows take the 8-lane scan (magnitude_scan.h), double rows the coordinate-by-coordinate
    // rules: the same values give the same state, with ties, zeros, |x| = 6 exactly, skipped rows,
    // a second block folded onto the first's peaks and widths that are no multiple of 8.
    void float_rows_give_the_state_double_rows_give() {
        std::mt19937 random(7);
        std::uniform_int_distribution<int> quarters(-40, 40);
        for (const Index d : {Index(3), Index(8), Index(21), Index(64)}) {
            MassiveState from_float(d), from_double(d);
            for (const Index first_row : {Index(100), Index(0)}) {
                RowMatrixF rows(37, d);
                for (Index r = 0; r < rows.rows(); ++r)
                    for (Index c = 0; c < d; ++c) rows(r, c) = float(quarters(random)) * 0.25f;
                std::vector<std::uint8_t> flags(37, 0);
                flags[5] = kNonFinite;
                flags[20] = kConstant;
                std::vector<std::int32_t> positions(37);
                for (size_t r = 0; r < positions.size(); ++r) positions[r] = std::int32_t(r % 9);
                from_float.add(RowBlock{first_row, rows}, positions, flags);
                from_double.add(RowBlock{first_row, RowMatrixD(rows.cast<double>())}, positions,
                                flags);
            }
            QVERIFY2(same_state(from_float, from_double), qPrintable(QString("d = %1").arg(d)));
        }
    }

    void int8_outlier_counts_match_numpy() {
        const Dump dump = Dump::open(test::analysis_fixture("massive.h5"));
        const QJsonArray expected =
            test::analysis_json("massive.expected.json").value("sites").toArray();
        std::vector<MassiveState> states;
        for (std::size_t site = 0; site < 4; ++site) {
            states.push_back(state_of_rows(dump, site, 0, 256));
            const Eigen::VectorXd want =
                test::vector_of(expected[int(site)].toObject().value("int8_outlier_tokens"));
            for (Index i = 0; i < want.size(); ++i)
                QCOMPARE(double(states.back().int8_outlier_tokens()[size_t(i)]), want(i));
        }
        // Planted dims 7 and 42 reach |x| ≥ 6 at 8 of 256 tokens (3 %), under the 6 % rule.
        const auto widths = int8_outliers({&states[0], &states[1], &states[2], &states[3]});
        QCOMPARE(widths.size(), std::size_t(1));
        QCOMPARE(widths[0].sites, 4);
        QVERIFY(widths[0].dims.empty());
    }

    void int8_outlier_features_at_the_rules_edges_match_numpy() {
        const Dump dump = Dump::open(test::analysis_fixture("int8.h5"));
        const QJsonObject expected = test::analysis_json("int8.expected.json");
        const QJsonArray counts = expected.value("counts").toArray();
        std::vector<MassiveState> states;
        for (std::size_t site = 0; site < dump.info().sites.size(); ++site) {
            // Two halves merged: the counts stream and merge exactly.
            const Index n = dump.info().sites[site].n_tokens;
            states.push_back(state_of_rows(dump, site, 0, n / 3));
            states.back().merge(state_of_rows(dump, site, n / 3, n - n / 3));
            const Eigen::VectorXd want = test::vector_of(counts[int(site)]);
            for (Index i = 0; i < want.size(); ++i)
                QCOMPARE(double(states.back().int8_outlier_tokens()[size_t(i)]), want(i));
        }
        std::vector<const MassiveState*> sites;
        for (const MassiveState& state : states) sites.push_back(&state);
        const std::vector<Int8Outliers> widths = int8_outliers(sites);
        QCOMPARE(widths.size(), std::size_t(1));
        QCOMPARE(widths[0].d, Index(expected.value("d").toInt()));
        QCOMPARE(widths[0].sites, expected.value("sites").toInt());
        const Eigen::VectorXd dims = test::vector_of(expected.value("dims"));
        const Eigen::VectorXd sitesWith = test::vector_of(expected.value("sites_with"));
        QCOMPARE(qsizetype(widths[0].dims.size()), qsizetype(dims.size()));
        for (Index k = 0; k < dims.size(); ++k) {
            QCOMPARE(double(widths[0].dims[size_t(k)]), dims(k));
            QCOMPARE(double(widths[0].sites_with[size_t(k)]), sitesWith(k));
        }
        // Sites of another width are judged on their own.
        MassiveState narrow(4);
        sites.push_back(&narrow);
        QCOMPARE(int8_outliers(sites).size(), std::size_t(2));
        QCOMPARE(int8_outliers(sites)[0].dims, widths[0].dims);
        QCOMPARE(int8_outliers(sites)[1].sites, 0);
    }

    void invalid_rows_and_wrong_widths() {
        RowMatrixF rows(3, 4);
        rows << 1, 2, 3, 4, 5, 5, 5, 5, 200, 1, 1, 1;
        const std::vector<std::uint8_t> flags{0, kConstant, 0};
        MassiveState state(4);
        state.add(RowBlock{10, rows}, {}, flags);
        QCOMPARE(state.magnitudes().total(), std::int64_t(8));  // the constant row is skipped
        QVERIFY(!state.has_positions());
        QCOMPARE(state.token_peaks(false).total(), std::int64_t(2));
        QCOMPARE(state.peak_row()[0], std::int64_t(12));
        QCOMPARE(state.peak_row()[3], std::int64_t(10));
        try {
            state.merge(MassiveState(5));
            QFAIL("merged states of different d");
        } catch (const std::invalid_argument& error) {
            QVERIFY(QString(error.what()).contains("d = 4 and 5"));
        }
    }

    void magnitude_quantiles_are_within_one_bin() {
        std::mt19937_64 random(7);
        std::lognormal_distribution<double> spread(0.0, 3.0);
        std::vector<double> values;
        MagnitudeCounts counts, first_half, second_half;
        for (int i = 0; i < 20001; ++i) {
            const float v = float(spread(random));
            values.push_back(v);
            counts.add(v);
            (i % 2 ? first_half : second_half).add(v);
        }
        first_half.merge(second_half);
        QCOMPARE(first_half.counts(), counts.counts());
        std::sort(values.begin(), values.end());
        for (const double q : {0.0, 0.01, 0.25, 0.5, 0.9, 0.999, 1.0}) {
            const double position = q * double(values.size() - 1);
            const size_t low = size_t(position);
            const double exact =
                values[low] + (position - double(low)) *
                                  (values[std::min(low + 1, values.size() - 1)] - values[low]);
            QVERIFY2(
                std::abs(counts.quantile(q) / exact - 1) < 0.0221,
                qPrintable(QString("q = %1: %2 vs %3").arg(q).arg(counts.quantile(q)).arg(exact)));
        }
    }

    // 100 is a grid edge, so the count from it is exact; a threshold off the grid counts the
    // magnitudes of its bin, and reaches_threshold agrees with the count either way.
    void threshold_counts_agree_with_the_per_token_test() {
        const std::vector<double> magnitudes{99.99, 100.0, 100.5, 101.9, 102.5, 5e3};
        MagnitudeCounts counts;
        for (const double m : magnitudes) counts.add(float(m));
        QCOMPARE(counts.count_from(100.0), std::int64_t(5));
        for (const double threshold : {100.0, 101.0, 102.0, 4000.0}) {
            const auto reaching =
                std::count_if(magnitudes.begin(), magnitudes.end(),
                              [&](double m) { return reaches_threshold(m, threshold); });
            QCOMPARE(counts.count_from(threshold), std::int64_t(reaching));
        }
        QVERIFY(std::isnan(MagnitudeCounts().quantile(0.5)));
        try {
            MagnitudeCounts().assign(kMagnitudeBins - 1, {1, 2});
            QFAIL("bins beyond the grid accepted");
        } catch (const std::invalid_argument& error) {
            QVERIFY(QString(error.what()).contains("leave the grid"));
        }
    }
};

QTEST_APPLESS_MAIN(TestMassiveActivations)
#include "test_massive_activations.moc"
