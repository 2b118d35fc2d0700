// Cancelling or failing halfway through a pass: the store writes no cache (not even a
// temporary), a later run over the same open dump completes and writes one, and the process
// stays usable for other dumps.
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <filesystem>

#include "core/errors.h"
#include "core/metrics/metrics_store.h"
#include "tests/core/test_bad_corpus.h"
#include "tests/core/test_error_checks.h"
#include "tests/core/test_metric_fixtures.h"

using namespace lngeom;
namespace fs = std::filesystem;

namespace {

bool nothing_in(const std::string& directory) {
    return !fs::exists(directory) || fs::is_empty(directory);
}

StoreOptions store_options(const std::string& cache_directory, int threads) {
    StoreOptions options;
    options.cache_directory = cache_directory;
    options.pass.threads = threads;
    // Small blocks: the fixture is read in dozens of them, so there is a "halfway".
    options.pass.memory_budget_bytes = 320 << 10;
    return options;
}

// A complete run after an interrupted one writes the cache, and the run after it reads it.
void check_complete_run(const Dump& dump, const StoreOptions& options) {
    const MetricsStore computed = MetricsStore::compute(dump, "", options);
    QVERIFY(!computed.loaded_from_cache());
    QVERIFY(fs::exists(computed.cache_path()));
    const MetricsStore cached = MetricsStore::compute(dump, "", options);
    QVERIFY(cached.loaded_from_cache());
    QCOMPARE(cached.summaries().size(), computed.summaries().size());
    for (size_t site = 0; site < cached.summaries().size(); ++site)
        QCOMPARE(cached.summaries()[site].metrics.front().mean,
                 computed.summaries()[site].metrics.front().mean);
}

}  // namespace

class TestPassInterruption : public QObject {
    Q_OBJECT

  private slots:
    void cancelled_pass_leaves_no_cache_data() {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("cancel_after");
        for (int threads : {1, 2, 3})
            for (int after : {1, 7, 40})
                QTest::newRow(qPrintable(
                    QString("%1 threads, cancel after %2 blocks").arg(threads).arg(after)))
                    << threads << after;
    }

    void cancelled_pass_leaves_no_cache() {
        QFETCH(int, threads);
        QFETCH(int, cancel_after);
        const QTemporaryDir work;
        const std::string cache = work.filePath("cache").toStdString();
        const Dump dump = Dump::open(test::metric_fixture("blocks"));
        std::atomic<bool> cancel{false};
        std::atomic<int> blocks{0};
        StoreOptions options = store_options(cache, threads);
        options.pass.cancel = &cancel;
        options.pass.progress = [&](Index, Index) {
            if (++blocks >= cancel_after) cancel = true;
        };
        const test::Caught caught =
            test::catch_error([&] { MetricsStore::compute(dump, "", options); });
        test::check_caught(caught, "cancelled", dump.info().path, "",
                           "the metrics pass was cancelled after ");
        QVERIFY(nothing_in(cache));
        cancel = false;
        options.pass.progress = {};
        check_complete_run(dump, options);
    }

    void failing_pass_leaves_no_cache_data() {
        QTest::addColumn<int>("threads");
        QTest::newRow("1 thread") << 1;
        QTest::newRow("3 threads") << 3;
    }

    // The second site's data is damaged: the first completes, then the pass fails.
    void failing_pass_leaves_no_cache() {
        QFETCH(int, threads);
        const QTemporaryDir work;
        const std::string cache = work.filePath("cache").toStdString();
        const std::string path = test::corpus_path("fails_midway.h5");
        const Dump dump = Dump::open(path);
        const StoreOptions options = store_options(cache, threads);
        for (int attempt = 0; attempt < 2; ++attempt) {
            const test::Caught caught =
                test::catch_error([&] { MetricsStore::compute(dump, "", options); });
            test::check_caught(caught, "format", path, "/norms/001/input",
                               "has a gzip-compressed chunk at (0, 0) whose stream is corrupt");
            QVERIFY(nothing_in(cache));
        }
        check_complete_run(Dump::open(test::metric_fixture("blocks")), options);
    }
};

QTEST_GUILESS_MAIN(TestPassInterruption)
#include "test_pass_interruption.moc"
