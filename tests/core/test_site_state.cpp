// The mergeable per-site state through the pass: shards of any count merge into the state of
// one pass (counts, min, max, histograms, extremes and quantiles exactly, moments within
// 1e−12); quantiles past the exact limit stay within the sketch's bound of numpy's; the bytes
// round-trip; damaged or mismatched bytes and states beyond the budget are refused by message.
#include <QTest>
#include <algorithm>
#include <cmath>

#include "core/errors.h"
#include "core/io/dump.h"
#include "core/metrics/metrics_pass.h"
#include "core/metrics/row_shard.h"
#include "core/state/site_state.h"
#include "tests/core/test_metric_fixtures.h"

using namespace lngeom;

namespace {

std::string fixture(const QString& name) {
    return std::string(LNGEOM_TEST_OUTPUT_DIR) + "/metric-fixtures/metrics-" + name.toStdString() +
           ".h5";
}

std::vector<SiteState> states_of_shards(const Dump& dump, int count, int threads) {
    std::vector<SiteState> merged;
    for (int index = 0; index < count; ++index) {
        PassOptions options;
        options.threads = threads;
        options.shard = {index, count};
        std::vector<SiteState> shard = run_statistics_pass(dump, options);
        if (merged.empty()) {
            merged = std::move(shard);
            continue;
        }
        for (SiteIndex s = 0; s < merged.size(); ++s) merged[s].merge(shard[s]);
    }
    return merged;
}

bool relative_close(double a, double b, double tolerance) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    return std::abs(a - b) <= tolerance * std::max(std::abs(a), std::abs(b));
}

void compare_metric(const MetricState& a, const MetricState& b, const QString& where) {
    QCOMPARE(a.moments().count, b.moments().count);
    QCOMPARE(a.moments().min, b.moments().min);
    QCOMPARE(a.moments().max, b.moments().max);
    QVERIFY2(relative_close(a.moments().mean, b.moments().mean, 1e-12), qPrintable(where));
    QVERIFY2(relative_close(a.moments().std(), b.moments().std(), 1e-12), qPrintable(where));
    QCOMPARE(a.histogram().has_value(), b.histogram().has_value());
    if (a.histogram()) {
        QCOMPARE(a.histogram()->counts().counts, b.histogram()->counts().counts);
        QCOMPARE(a.histogram()->counts().below, b.histogram()->counts().below);
        QCOMPARE(a.histogram()->counts().above, b.histogram()->counts().above);
    }
    for (const double q : {0.0, 0.01, 0.5, 0.99, 1.0})
        QCOMPARE(a.quantiles().quantile(q), b.quantiles().quantile(q));
    const auto same = [](const std::vector<RankedValue>& x, const std::vector<RankedValue>& y) {
        return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                          [](const RankedValue& u, const RankedValue& v) {
                              return u.value == v.value && u.row == v.row;
                          });
    };
    QVERIFY2(same(a.extremes().largest(), b.extremes().largest()), qPrintable(where));
    QVERIFY2(same(a.extremes().smallest(), b.extremes().smallest()), qPrintable(where));
}

void compare_magnitudes(const MagnitudeCounts& a, const MagnitudeCounts& b, const QString& where) {
    QVERIFY2(a.total() == b.total(), qPrintable(where));
    if (a.total() == 0) return;
    QVERIFY2(a.first_bin() == b.first_bin() && a.counts() == b.counts(), qPrintable(where));
}

void compare_massive(const MassiveState& a, const MassiveState& b, const QString& where) {
    compare_magnitudes(a.magnitudes(), b.magnitudes(), where + " massive |x|");
    for (const bool first : {true, false})
        compare_magnitudes(a.token_peaks(first), b.token_peaks(first), where + " token peaks");
    QCOMPARE(a.has_positions(), b.has_positions());
    QVERIFY2(a.peak_abs() == b.peak_abs() && a.peak_row() == b.peak_row() &&
                 a.peak_position() == b.peak_position(),
             qPrintable(where + " massive peaks"));
    QVERIFY2(a.int8_outlier_tokens() == b.int8_outlier_tokens(), qPrintable(where));
}

void compare_states(const SiteState& a, const SiteState& b, const QString& where) {
    const TokenCounts &x = a.counts(), &y = b.counts();
    QCOMPARE(x.rows, y.rows);
    QCOMPARE(x.invalid, y.invalid);
    QCOMPARE(x.non_finite, y.non_finite);
    QCOMPARE(x.zero, y.zero);
    QCOMPARE(x.constant, y.constant);
    QCOMPARE(x.invalid_output, y.invalid_output);
    QCOMPARE(a.metrics().size(), b.metrics().size());
    for (std::size_t m = 0; m < a.metrics().size(); ++m)
        compare_metric(a.metrics()[m], b.metrics()[m],
                       where + " " + QString::fromUtf8(describe(Metric(m)).key.data()));
    compare_massive(a.massive(), b.massive(), where);
}

QString failure_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

}  // namespace

class TestSiteState : public QObject {
    Q_OBJECT

  private slots:
    void shard_rows_cover_every_row() {
        for (const Index n : {Index(0), Index(1), Index(7), Index(20011), Index(1) << 40})
            for (const Index unit : {Index(1), Index(100), Index(512)})
                for (const int count : {1, 2, 3, 4, 13, 1000}) {
                    Index expected_first = 0;
                    for (int index = 0; index < count; ++index) {
                        const RowRange rows = shard_rows(n, unit, {index, count});
                        QCOMPARE(rows.first, expected_first);
                        QVERIFY(rows.end >= rows.first);
                        QVERIFY(rows.first % unit == 0 || rows.first == n);
                        expected_first = rows.end;
                    }
                    QCOMPARE(expected_first, n);
                }
    }

    void shards_merge_into_one_pass_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("count");
        for (const char* file : {"float16", "blocks", "sketch"})
            for (const int count : {2, 3, 4, 7, 64})
                QTest::newRow(qPrintable(QString("%1, %2 shards").arg(file).arg(count)))
                    << file << count;
    }

    void shards_merge_into_one_pass() {
        QFETCH(QString, file);
        QFETCH(int, count);
        const Dump dump = Dump::open(fixture(file));
        PassOptions options;
        const std::vector<SiteState> whole = run_statistics_pass(dump, options);
        const std::vector<SiteState> merged = states_of_shards(dump, count, 1 + count % 3);
        QCOMPARE(merged.size(), whole.size());
        for (SiteIndex s = 0; s < whole.size(); ++s) {
            QCOMPARE(whole[s].counts().rows, dump.info().sites[s].n_tokens);
            compare_states(merged[s], whole[s], QString("site %1").arg(s));
        }
    }

    // 20011 tokens: past the exact limit, so the quantiles come from the buckets.
    void sketch_quantiles_within_bound() {
        const std::string path = fixture("sketch");
        const Dump dump = Dump::open(path);
        const std::vector<SiteState> states = run_statistics_pass(dump, PassOptions{});
        const QJsonArray expected = test::expected_sites(path);
        for (SiteIndex s = 0; s < states.size(); ++s) {
            const SiteInfo& info = dump.info().sites[s];
            const std::vector<double> table = test::expected_site_metrics(path, info.key);
            const std::size_t n_metrics = states[s].metrics().size();
            for (std::size_t m = 0; m < n_metrics; ++m) {
                const MetricState& metric = states[s].metrics()[m];
                QVERIFY(!metric.quantiles().is_exact());
                std::vector<float> values;
                for (std::size_t t = m; t < table.size(); t += n_metrics)
                    if (!std::isnan(table[t])) values.push_back(float(table[t]));
                std::sort(values.begin(), values.end());
                for (const double q : {0.01, 0.5, 0.99}) {
                    const double exact = sorted_quantile(values, q);
                    const double error = std::abs(metric.quantiles().quantile(q) - exact);
                    QVERIFY2(error <= QuantileSketch::kRelativeAccuracy * std::abs(exact) * 1.0001,
                             qPrintable(QString("site %1 %2 q = %3: %4 vs %5")
                                            .arg(s)
                                            .arg(describe(Metric(m)).key.data())
                                            .arg(q)
                                            .arg(metric.quantiles().quantile(q))
                                            .arg(exact)));
                }
                const QJsonObject numpy = expected[qsizetype(s)]
                                              .toObject()
                                              .value("metrics")
                                              .toObject()
                                              .value(describe(Metric(m)).key.data())
                                              .toObject();
                QVERIFY(
                    test::close_to(metric.moments().mean, numpy.value("mean").toDouble(), 1e-9));
                QVERIFY(
                    test::close_to(metric.moments().std(), numpy.value("std").toDouble(), 1e-9));
            }
        }
    }

    void bytes_round_trip() {
        const Dump dump = Dump::open(fixture("sketch"));
        const std::vector<SiteState> states = run_statistics_pass(dump, PassOptions{});
        for (SiteIndex s = 0; s < states.size(); ++s) {
            StateWriter out;
            states[s].write(out);
            StateReader in(out.bytes(), "round-trip");
            SiteState read(dump.info().sites[s]);
            read.read(in);
            QVERIFY(in.at_end());
            compare_states(read, states[s], "read back");
            StateWriter again;
            read.write(again);
            QVERIFY(again.bytes() == out.bytes());
        }
    }

    void mismatched_bytes_refused() {
        const Dump dump = Dump::open(fixture("float32"));
        const std::vector<SiteState> states = run_statistics_pass(dump, PassOptions{});
        StateWriter out;
        states[0].write(out);  // a site with output: 12 metrics
        const std::string bytes = out.bytes();
        const auto read_into = [&](const SiteInfo& site, const std::string& data) {
            return failure_of([&] {
                StateReader in(data, "a.lngeom-state");
                in.set_object("site 002");
                SiteState(site).read(in);
            });
        };
        const QString other_shape = read_into(dump.info().sites[2], bytes);  // no output
        QVERIFY2(other_shape.startsWith("a.lngeom-state: site 002: metrics: damaged state") &&
                     other_shape.contains("holds 12 metrics where the site has 10"),
                 qPrintable(other_shape));
        const QString truncated =
            read_into(dump.info().sites[0], bytes.substr(0, bytes.size() - 40));
        QVERIFY2(truncated.startsWith("a.lngeom-state: site 002") &&
                     truncated.contains("runs past the end"),
                 qPrintable(truncated));
        std::string renamed = bytes;
        renamed.replace(renamed.find("counts"), 6, "COUNTS");
        QVERIFY2(read_into(dump.info().sites[0], renamed)
                     .contains("holds part 'COUNTS' where this lngeom expects 'counts'"),
                 qPrintable(read_into(dump.info().sites[0], renamed)));
        SiteInfo narrower = dump.info().sites[0];
        narrower.d -= 1;
        const QString other_width = read_into(narrower, bytes);
        QVERIFY2(other_width.startsWith("a.lngeom-state: site 002: massive: damaged state") &&
                     other_width.contains("holds the peaks of 50 dimensions where the site has "
                                          "d = 49"),
                 qPrintable(other_width));
    }

    void state_memory_is_bounded() {
        const Dump dump = Dump::open(fixture("sketch"));
        const std::vector<SiteState> states = run_statistics_pass(dump, PassOptions{});
        for (SiteIndex s = 0; s < states.size(); ++s)
            QVERIFY(states[s].bytes() <= SiteState::max_bytes(dump.info().sites[s]));
        PassOptions tight;
        tight.memory_budget_bytes = std::size_t(4) << 20;
        const QString message = failure_of([&] { run_statistics_pass(dump, tight); });
        QVERIFY2(message.contains("metrics-sketch.h5: the mergeable statistics of its 3 sites "
                                  "may need") &&
                     message.contains("more than half the memory budget of 4 MiB"),
                 qPrintable(message));
        QCOMPARE(run_metrics_pass(dump, tight).size(), std::size_t(3));  // keeps no states
    }
};

QTEST_GUILESS_MAIN(TestSiteState)
#include "test_site_state.moc"
