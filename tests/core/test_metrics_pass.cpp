// The streaming pass: summaries and columns match numpy for every stored type, whatever the
// thread count and block size; counts of invalid tokens; progress; cancellation.
#include <QTest>
#include <atomic>
#include <mutex>

#include "core/errors.h"
#include "core/io/dump.h"
#include "core/metrics/metrics.h"
#include "core/metrics/metrics_pass.h"
#include "tests/core/test_metric_fixtures.h"

using namespace lngeom;

namespace {

void compare_summary(const Summary& actual, const QJsonObject& expected, const QString& where) {
    QCOMPARE(actual.count, expected.value("count").toInteger());
    const std::pair<const char*, double> moments[] = {
        {"mean", actual.mean}, {"std", actual.std}, {"min", actual.min}, {"max", actual.max}};
    for (const auto& [name, value] : moments)
        QVERIFY2(test::close_to(value, expected.value(name).toDouble(), 1e-9),
                 qPrintable(where + " " + name + ": " + QString::number(value, 'g', 17)));
    // Quantiles come from the per-token values stored as float.
    const std::pair<const char*, double> quantiles[] = {
        {"p01", actual.p01}, {"p50", actual.p50}, {"p99", actual.p99}};
    for (const auto& [name, value] : quantiles)
        QVERIFY2(test::close_to(value, expected.value(name).toDouble(), 2e-7),
                 qPrintable(where + " " + name + ": " + QString::number(value, 'g', 17)));
}

// A site's per-token values as the pass hands them over, block by block, in any order.
struct CollectedSite {
    RowMatrixD values;
    std::vector<std::uint8_t> flags;
    Index rows_received = 0;
};

PassSink collector(std::vector<CollectedSite>& sites, const DumpInfo& info, std::mutex& mutex) {
    for (SiteIndex site = 0; site < info.sites.size(); ++site) {
        sites[site].values.resize(info.sites[site].n_tokens,
                                  metric_count(info.sites[site].has_output));
        sites[site].flags.assign(std::size_t(info.sites[site].n_tokens), 0xff);
    }
    PassSink sink;
    sink.block = [&sites, &mutex](SiteIndex site, Index first, const RowMatrixD& values,
                                  std::span<const std::uint8_t> flags) {
        std::lock_guard lock(mutex);
        sites[site].values.middleRows(first, values.rows()) = values;
        std::copy(flags.begin(), flags.end(), sites[site].flags.begin() + first);
        sites[site].rows_received += values.rows();
    };
    return sink;
}

void compare_columns(const CollectedSite& columns, const std::string& path,
                     const std::string& key) {
    QCOMPARE(columns.rows_received, columns.values.rows());
    QCOMPARE(columns.flags, test::expected_site_flags(path, key));
    const std::vector<double> expected = test::expected_site_metrics(path, key);
    const Index n_metrics = columns.values.cols();
    for (Index token = 0; token < columns.values.rows(); ++token)
        for (Index m = 0; m < n_metrics; ++m)
            QVERIFY(test::close_to(float(columns.values(token, m)),
                                   expected[size_t(token * n_metrics + m)], 1e-6));
}

}  // namespace

class TestMetricsPass : public QObject {
    Q_OBJECT

  private slots:
    void matches_numpy_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("budget_kib");
        for (const QString& type : test::metric_fixture_types() + QStringList{"blocks"})
            for (int threads : {1, 2, 3})
                QTest::newRow(qPrintable(QString("%1, %2 threads").arg(type).arg(threads)))
                    << type << threads << 512 * 1024;
        QTest::newRow("blocks, tiny budget") << "blocks" << 2 << 320;
        QTest::newRow("blocks, tiny budget, 4 threads") << "blocks" << 4 << 320;
    }

    void matches_numpy() {
        QFETCH(QString, file);
        QFETCH(int, threads);
        QFETCH(int, budget_kib);
        const std::string path = test::metric_fixture(file);
        const Dump dump = Dump::open(path);
        PassOptions options;
        options.threads = threads;
        options.memory_budget_bytes = std::size_t(budget_kib) << 10;
        std::vector<CollectedSite> columns(dump.info().sites.size());
        std::mutex mutex;
        std::vector<int> done(dump.info().sites.size(), 0);
        PassSink sink = collector(columns, dump.info(), mutex);
        sink.site_done = [&done](SiteIndex site, const SiteSummary&) { ++done[site]; };
        const std::vector<SiteSummary> summaries = run_metrics_pass(dump, options, sink);
        QCOMPARE(done, std::vector<int>(dump.info().sites.size(), 1));
        const QJsonArray expected = test::expected_sites(path);
        QCOMPARE(summaries.size(), size_t(expected.size()));
        for (size_t s = 0; s < summaries.size(); ++s) {
            const QJsonObject site = expected[qsizetype(s)].toObject();
            const SiteInfo& info = dump.info().sites[s];
            QCOMPARE(summaries[s].n_tokens, site.value("n_tokens").toInteger());
            QCOMPARE(summaries[s].n_invalid, site.value("n_invalid").toInteger());
            const QJsonObject metrics = site.value("metrics").toObject();
            QCOMPARE(summaries[s].metrics.size(), size_t(metrics.size()));
            for (size_t m = 0; m < summaries[s].metrics.size(); ++m) {
                const QString key = QString::fromUtf8(describe(Metric(m)).key);
                compare_summary(summaries[s].metrics[m], metrics.value(key).toObject(),
                                QString::fromStdString(info.key) + " " + key);
            }
            compare_columns(columns[s], path, info.key);
        }
    }

    void counts_invalid_tokens_by_reason() {
        const Dump dump = Dump::open(test::metric_fixture("float32"));
        const std::vector<SiteSummary> summaries = run_metrics_pass(dump, PassOptions{});
        // Site 001 has a zero, a constant, a NaN and an Inf row; sites 000 and 001 a NaN output.
        const SiteSummary& degenerate = summaries[1];
        QCOMPARE(degenerate.n_invalid, Index(4));
        QCOMPARE(degenerate.n_non_finite, Index(2));
        QCOMPARE(degenerate.n_zero, Index(1));
        QCOMPARE(degenerate.n_constant, Index(2));
        QCOMPARE(degenerate.n_invalid_output, Index(1));
        QCOMPARE(summaries[0].n_invalid, Index(0));
        QCOMPARE(summaries[0].n_invalid_output, Index(1));
        QCOMPARE(summaries[2].n_invalid_output, Index(0));
        const Summary& rotation = degenerate.metrics[size_t(column_of(Metric::RotationDeg))];
        QCOMPARE(rotation.count, degenerate.n_tokens - degenerate.n_invalid - 1);
    }

    void reports_progress_to_the_total() {
        const Dump dump = Dump::open(test::metric_fixture("blocks"));
        PassOptions options;
        options.memory_budget_bytes = 320 << 10;
        std::mutex mutex;
        std::vector<Index> done;
        Index total = 0;
        options.progress = [&](Index rows, Index all) {
            std::lock_guard lock(mutex);
            done.push_back(rows);
            total = all;
        };
        run_metrics_pass(dump, options);
        QCOMPARE(total, Index(3 * 6000));
        QVERIFY(done.size() > 10);
        std::sort(done.begin(), done.end());
        QCOMPARE(done.back(), total);
        QVERIFY(std::adjacent_find(done.begin(), done.end()) == done.end());
    }

    void cancellation_stops_the_pass_data() {
        QTest::addColumn<int>("threads");
        QTest::newRow("1 thread") << 1;
        QTest::newRow("2 threads") << 2;
        QTest::newRow("3 threads") << 3;
    }

    void cancellation_stops_the_pass() {
        QFETCH(int, threads);
        const Dump dump = Dump::open(test::metric_fixture("blocks"));
        std::atomic<bool> cancel{false};
        std::atomic<int> sites_done{0};
        PassOptions options;
        options.threads = threads;
        options.memory_budget_bytes = 320 << 10;
        options.cancel = &cancel;
        options.progress = [&](Index rows, Index) {
            if (rows >= 3000) cancel = true;
        };
        try {
            PassSink sink;
            sink.site_done = [&](std::size_t, const SiteSummary&) { ++sites_done; };
            run_metrics_pass(dump, options, sink);
            QFAIL("the pass was not cancelled");
        } catch (const CancelledError& error) {
            QVERIFY2(QString(error.what()).contains("cancelled after"), error.what());
            QCOMPARE(QString::fromStdString(error.file()),
                     QString::fromStdString(test::metric_fixture("blocks")));
        }
        QCOMPARE(sites_done.load(), 0);
    }

    void sink_errors_stop_the_pass() {
        const Dump dump = Dump::open(test::metric_fixture("blocks"));
        PassOptions options;
        options.memory_budget_bytes = 320 << 10;
        PassSink sink;
        sink.block = [](std::size_t, Index, const RowMatrixD&, std::span<const std::uint8_t>) {
            throw std::runtime_error("disk full");
        };
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, run_metrics_pass(dump, options, sink));
    }
};

QTEST_GUILESS_MAIN(TestMetricsPass)
#include "test_metrics_pass.moc"
