// The metrics cache and store: hits, stale dumps, damaged cache files, cancelled passes, and
// columns too large for the budget served from the cache.
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "core/metrics/metrics_store.h"
#include "tests/core/test_metric_fixtures.h"

using namespace lngeom;
namespace fs = std::filesystem;

namespace {

// A copy of a fixture dump, so tests may change it, and an empty cache directory.
struct Workspace {
    QTemporaryDir directory;
    std::string dump_path;
    std::string cache_directory;

    explicit Workspace(const QString& type = "float32") {
        dump_path = directory.filePath("dump.h5").toStdString();
        cache_directory = directory.filePath("cache").toStdString();
        fs::copy_file(test::metric_fixture(type), dump_path);
    }

    MetricsStore compute(std::size_t budget = std::size_t(512) << 20, bool keep = true) const {
        const Dump dump = Dump::open(dump_path);
        StoreOptions options;
        options.cache_directory = cache_directory;
        options.pass.memory_budget_bytes = budget;
        options.keep_columns = keep;
        return MetricsStore::compute(dump, "", options);
    }

    std::string cache_file() const { return metrics_cache_path(cache_directory, dump_path, ""); }
};

void overwrite_byte(const std::string& path, std::streamoff offset) {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(offset);
    const char old = char(file.get());
    file.seekp(offset);
    file.put(char(~old));
}

void compare_summaries(const std::vector<SiteSummary>& a, const std::vector<SiteSummary>& b) {
    QCOMPARE(a.size(), b.size());
    for (size_t s = 0; s < a.size(); ++s) {
        QCOMPARE(a[s].n_invalid, b[s].n_invalid);
        QCOMPARE(a[s].n_invalid_output, b[s].n_invalid_output);
        QCOMPARE(a[s].metrics.size(), b[s].metrics.size());
        for (size_t m = 0; m < a[s].metrics.size(); ++m) {
            QCOMPARE(a[s].metrics[m].count, b[s].metrics[m].count);
            QCOMPARE(a[s].metrics[m].mean, b[s].metrics[m].mean);
            QCOMPARE(a[s].metrics[m].std, b[s].metrics[m].std);
            QCOMPARE(a[s].metrics[m].p99, b[s].metrics[m].p99);
        }
    }
}

bool same_columns(const SiteColumns& a, const SiteColumns& b) {
    return a.flags == b.flags && a.values.rows() == b.values.rows() &&
           a.values.cols() == b.values.cols() &&
           std::equal(a.values.data(), a.values.data() + a.values.size(), b.values.data(),
                      [](float x, float y) { return x == y || (std::isnan(x) && std::isnan(y)); });
}

}  // namespace

class TestMetricsCache : public QObject {
    Q_OBJECT

  private slots:
    void second_open_hits_the_cache() {
        const Workspace workspace;
        const MetricsStore first = workspace.compute();
        QVERIFY(!first.loaded_from_cache());
        QVERIFY2(first.cache_warning().empty(), first.cache_warning().c_str());
        QVERIFY(fs::exists(workspace.cache_file()));
        const MetricsStore second = workspace.compute();
        QVERIFY(second.loaded_from_cache());
        compare_summaries(first.summaries(), second.summaries());
        for (std::size_t site = 0; site < 3; ++site)
            QVERIFY(same_columns(*first.columns(site), *second.columns(site)));
        QCOMPARE(fs::directory_iterator(workspace.cache_directory)->path().string(),
                 workspace.cache_file());
    }

    void changed_dumps_are_recomputed_data() {
        QTest::addColumn<QString>("change");
        QTest::newRow("touched") << "touched";
        QTest::newRow("last byte changed, mtime kept") << "tail";
        QTest::newRow("first bytes changed, mtime kept") << "head";
        QTest::newRow("replaced by another dump") << "replaced";
    }

    void changed_dumps_are_recomputed() {
        QFETCH(QString, change);
        const Workspace workspace;
        workspace.compute();
        const auto modified = fs::last_write_time(workspace.dump_path);
        if (change == "touched") {
            fs::last_write_time(workspace.dump_path, modified + std::chrono::seconds(5));
        } else if (change == "replaced") {
            fs::copy_file(test::metric_fixture("float64"), workspace.dump_path,
                          fs::copy_options::overwrite_existing);
        } else {
            const auto size = std::streamoff(fs::file_size(workspace.dump_path));
            overwrite_byte(workspace.dump_path, change == "tail" ? size - 1 : 200);
            fs::last_write_time(workspace.dump_path, modified);
        }
        const MetricsStore again = workspace.compute();
        QVERIFY(!again.loaded_from_cache());
        QVERIFY(workspace.compute().loaded_from_cache());
    }

    void damaged_cache_files_are_ignored_data() {
        QTest::addColumn<QString>("damage");
        for (const char* damage :
             {"index byte", "marker", "truncated", "empty", "garbage", "header"})
            QTest::newRow(damage) << damage;
    }

    void damaged_cache_files_are_ignored() {
        QFETCH(QString, damage);
        const Workspace workspace;
        const MetricsStore first = workspace.compute();
        const std::string cache = workspace.cache_file();
        const auto size = std::streamoff(fs::file_size(cache));
        if (damage == "index byte") overwrite_byte(cache, size - 40);
        if (damage == "marker") overwrite_byte(cache, size - 1);
        if (damage == "header") overwrite_byte(cache, 3);
        if (damage == "truncated") fs::resize_file(cache, std::uintmax_t(size - 9));
        if (damage == "empty") fs::resize_file(cache, 0);
        if (damage == "garbage") std::ofstream(cache, std::ios::trunc) << std::string(4096, 'x');
        const MetricsStore again = workspace.compute();
        QVERIFY(!again.loaded_from_cache());
        compare_summaries(first.summaries(), again.summaries());
        QVERIFY(workspace.compute().loaded_from_cache());
    }

    void damaged_columns_are_reported() {
        const Workspace workspace;
        workspace.compute();
        // Past the header (magic, version, identity): the first site's columns.
        const std::string identity = dump_identity(workspace.dump_path, "");
        overwrite_byte(workspace.cache_file(), std::streamoff(16 + identity.size() + 8));
        const MetricsStore store = workspace.compute(std::size_t(512) << 20, false);
        QVERIFY(store.loaded_from_cache());
        try {
            store.columns(0);
            QFAIL("damaged columns were accepted");
        } catch (const FormatError& error) {
            QCOMPARE(error.file(), workspace.cache_file());
            QVERIFY2(QString(error.what()).contains("fail their checksum"), error.what());
        }
    }

    void damaged_columns_that_fit_are_recomputed() {
        const Workspace workspace;
        const MetricsStore first = workspace.compute();
        const std::string identity = dump_identity(workspace.dump_path, "");
        overwrite_byte(workspace.cache_file(), std::streamoff(16 + identity.size() + 8));
        const MetricsStore again = workspace.compute();
        QVERIFY(!again.loaded_from_cache());
        QVERIFY(same_columns(*first.columns(0), *again.columns(0)));
        QVERIFY(workspace.compute().loaded_from_cache());
    }

    void a_cancelled_pass_leaves_no_cache() {
        const Workspace workspace("blocks");
        const Dump dump = Dump::open(workspace.dump_path);
        std::atomic<bool> cancel{false};
        StoreOptions options;
        options.cache_directory = workspace.cache_directory;
        options.pass.memory_budget_bytes = 320 << 10;
        options.pass.cancel = &cancel;
        options.pass.progress = [&](Index rows, Index) { cancel = rows > 7000; };
        QVERIFY_THROWS_EXCEPTION(CancelledError, MetricsStore::compute(dump, "", options));
        QVERIFY(!fs::exists(workspace.cache_directory) || fs::is_empty(workspace.cache_directory));
    }

    void columns_beyond_the_budget_come_from_the_cache() {
        const Workspace workspace("blocks");
        const MetricsStore store = workspace.compute(std::size_t(1) << 20);
        const std::vector<double> expected =
            test::expected_site_metrics(test::metric_fixture("blocks"), "001");
        const auto columns = store.columns(1);
        QCOMPARE(columns->values.rows(), 6000);
        for (Index token = 0; token < 6000; ++token)
            QVERIFY(test::close_to(columns->values(token, 0),
                                   expected[size_t(token * kMetricCount)], 1e-6));
    }

    void columns_beyond_the_budget_without_cache_are_refused() {
        const Workspace workspace("blocks");
        const Dump dump = Dump::open(workspace.dump_path);
        StoreOptions options;
        options.use_cache = false;
        options.pass.memory_budget_bytes = std::size_t(1) << 20;
        const MetricsStore store = MetricsStore::compute(dump, "", options);
        QCOMPARE(store.summaries().size(), size_t(3));
        try {
            store.columns(0);
            QFAIL("no error");
        } catch (const RequestError& error) {
            QVERIFY2(QString(error.what()).contains("exceed half the memory budget"), error.what());
        }
    }

    void an_unwritable_cache_directory_only_warns() {
        const Workspace workspace;
        std::ofstream(workspace.cache_directory) << "a file where the directory should be";
        const MetricsStore store = workspace.compute();
        QVERIFY2(QString::fromStdString(store.cache_warning()).contains("cannot create"),
                 store.cache_warning().c_str());
        QCOMPARE(store.summaries().size(), size_t(3));
        QVERIFY(store.cache_path().empty());
    }

    void missing_metrics_and_sites_are_refused() {
        const Workspace workspace;
        const MetricsStore store = workspace.compute();
        QVERIFY(std::isfinite(store.summary(0, Metric::RotationDeg).mean));
        try {
            store.summary(2, Metric::RotationDeg);
            QFAIL("no error");
        } catch (const RequestError& error) {
            QVERIFY2(QString(error.what()).contains("site 2: has no rotation_deg"), error.what());
        }
        QVERIFY_THROWS_EXCEPTION(RequestError, store.columns(3));
    }

    void the_dump_is_left_untouched() {
        const Workspace workspace;
        const auto modified = fs::last_write_time(workspace.dump_path);
        const QByteArray before = test::fixture_bytes(workspace.dump_path);
        workspace.compute();
        QCOMPARE(fs::last_write_time(workspace.dump_path), modified);
        QCOMPARE(test::fixture_bytes(workspace.dump_path), before);
    }

    void the_default_directory_follows_the_environment() {
        qputenv("LNGEOM_CACHE_DIR", "");
        qputenv("XDG_CACHE_HOME", "/xdg/cache");
        QCOMPARE(default_cache_directory(), std::string("/xdg/cache/lngeom"));
        qputenv("XDG_CACHE_HOME", "");
        qputenv("HOME", "/home/someone");
        QCOMPARE(default_cache_directory(), std::string("/home/someone/.cache/lngeom"));
        qputenv("LNGEOM_CACHE_DIR", "/own");
        QCOMPARE(default_cache_directory(), std::string("/own"));
    }
};

QTEST_GUILESS_MAIN(TestMetricsCache)
#include "test_metrics_cache.moc"
