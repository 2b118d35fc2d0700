// The metrics cache (an HDF5 file of per-site columns) and the store: hits, stale dumps, caches
// of another dump or shape, damaged cache files and damaged column chunks, cancelled passes,
// columns read block by block from disk, and the private column file used without a cache.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <filesystem>
#include <fstream>

#include "core/cache/metrics_cache_writer.h"
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

std::vector<float> column(const MetricsStore& store, SiteIndex site, Metric metric) {
    const auto columns = store.columns(site);
    std::vector<float> values(std::size_t(columns->n_tokens()));
    columns->read(metric, 0, values);
    return values;
}

bool same_values(const std::vector<float>& a, const std::vector<float>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](float x, float y) { return x == y || (std::isnan(x) && std::isnan(y)); });
}

// The file offset of the 16 bytes holding values[first …] as stored: the column's chunk data
// (-1 when they are not found once).
std::streamoff offset_of(const std::string& path, const std::vector<float>& values,
                         std::size_t first) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string pattern(reinterpret_cast<const char*>(values.data() + first), 16);
    const auto found = bytes.find(pattern);
    if (found == std::string::npos || bytes.find(pattern, found + 1) != std::string::npos)
        return -1;
    return std::streamoff(found);
}

// A cache at the store's path, written by the cache's own writer for `info` and `identity`.
void write_cache(const std::string& path, const std::string& identity, const DumpInfo& info) {
    MetricsCacheWriter writer(path, identity, info);
    for (SiteIndex site = 0; site < info.sites.size(); ++site) {
        const int metrics = metric_count(info.sites[site].has_output);
        const RowMatrixD values = RowMatrixD::Constant(info.sites[site].n_tokens, metrics, 1.0);
        const std::vector<std::uint8_t> flags(std::size_t(info.sites[site].n_tokens), 0);
        writer.write_block(site, 0, values, flags);
        SiteSummary summary;
        summary.n_tokens = info.sites[site].n_tokens;
        summary.metrics.assign(std::size_t(metrics), Summary{1, 1, 0, 1, 1, 1, 1, 1});
        writer.finish_site(site, summary);
    }
    QCOMPARE(QString::fromStdString(writer.commit()), QString());
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
        for (SiteIndex site = 0; site < 3; ++site)
            for (Metric metric : first.columns(site)->metrics())
                QVERIFY(same_values(column(first, site, metric), column(second, site, metric)));
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
        for (const char* damage : {"superblock byte", "metadata byte", "truncated", "empty",
                                   "garbage", "another dump's identity", "another shape"})
            QTest::newRow(damage) << damage;
    }

    void damaged_cache_files_are_ignored() {
        QFETCH(QString, damage);
        const Workspace workspace;
        // Closed before the damage: HDF5 would share a file it still has open.
        const std::vector<SiteSummary> first = workspace.compute().summaries();
        const std::string cache = workspace.cache_file();
        const auto size = std::streamoff(fs::file_size(cache));
        const Dump dump = Dump::open(workspace.dump_path);
        const std::string identity = dump_identity(workspace.dump_path, "");
        if (damage == "superblock byte") overwrite_byte(cache, 20);
        // The root group's object header follows the superblock; HDF5 checksums it.
        if (damage == "metadata byte") overwrite_byte(cache, 60);
        if (damage == "truncated") fs::resize_file(cache, std::uintmax_t(size - 9));
        if (damage == "empty") fs::resize_file(cache, 0);
        if (damage == "garbage") std::ofstream(cache, std::ios::trunc) << std::string(4096, 'x');
        if (damage == "another dump's identity") write_cache(cache, identity + "x", dump.info());
        if (damage == "another shape") {
            DumpInfo fewer = dump.info();
            fewer.sites.pop_back();
            write_cache(cache, identity, fewer);
        }
        const MetricsStore again = workspace.compute();
        QVERIFY(!again.loaded_from_cache());
        compare_summaries(first, again.summaries());
        QVERIFY(workspace.compute().loaded_from_cache());
    }

    void damaged_column_chunks_are_reported_and_removed() {
        const Workspace workspace;
        const std::vector<float> norms = column(workspace.compute(), 0, Metric::Norm);
        QVERIFY(norms.size() > 20);
        const std::streamoff offset = offset_of(workspace.cache_file(), norms, 10);
        QVERIFY(offset >= 0);
        overwrite_byte(workspace.cache_file(), offset + 2);
        const MetricsStore store = workspace.compute();
        QVERIFY(store.loaded_from_cache());
        QCOMPARE(column(store, 0, Metric::AngleToUniformDeg).size(), norms.size());
        try {
            column(store, 0, Metric::Norm);
            QFAIL("a damaged chunk was read");
        } catch (const FormatError& error) {
            QCOMPARE(error.file(), workspace.cache_file());
            QCOMPARE(error.object(), std::string("/sites/000/norm"));
            QVERIFY2(QString(error.what()).contains("is damaged") &&
                         QString(error.what()).contains("the cache file was removed"),
                     error.what());
        }
        QVERIFY(!fs::exists(workspace.cache_file()));
        const MetricsStore again = workspace.compute();
        QVERIFY(!again.loaded_from_cache());
        QVERIFY(same_values(column(again, 0, Metric::Norm), norms));
    }

    void the_cache_opens_in_h5py() {
        const Workspace workspace;
        const MetricsStore store = workspace.compute();
        const float norm = column(store, 1, Metric::Norm)[7];
        const QString script = R"(
import h5py, sys
f = h5py.File(sys.argv[1], "r")
s = f["sites/001"]
print(f.attrs["format"], f.attrs["format_version"], f.attrs["complete"], len(f["sites"]),
      s.attrs["n_tokens"], s["norm"].dtype, s["norm"].fletcher32, s["flags"].dtype,
      repr(float(s["norm"][7])), round(float(s["norm"].attrs["mean"]), 6)))";
        QProcess python;
        python.start(LNGEOM_PYTHON, {"-c", script, QString::fromStdString(store.cache_path())});
        QVERIFY(python.waitForFinished(60000));
        QCOMPARE(python.exitCode(), 0);
        const QString expected =
            QStringLiteral("lngeom-metrics-cache %1 1 3 %2 float32 True uint8 %3 %4")
                .arg(kMetricsCacheVersion)
                .arg(store.summaries()[1].n_tokens)
                .arg(QString::number(double(norm), 'g', 17))
                .arg(QString::number(std::round(store.summary(1, Metric::Norm).mean * 1e6) / 1e6,
                                     'g', 12));
        QCOMPARE(QString(python.readAllStandardOutput()).trimmed(), expected);
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

    void columns_are_read_block_by_block_from_the_cache() {
        const Workspace workspace("blocks");
        const MetricsStore store = workspace.compute(std::size_t(1) << 20);
        const std::vector<double> expected =
            test::expected_site_metrics(test::metric_fixture("blocks"), "001");
        const auto columns = store.columns(1);
        QCOMPARE(columns->n_tokens(), 6000);
        const std::vector<float> angles = column(store, 1, Metric::AngleToUniformDeg);
        for (Index token = 0; token < 6000; ++token)
            QVERIFY(test::close_to(angles[size_t(token)], expected[size_t(token * kMetricCount)],
                                   1e-6));
    }

    void without_the_cache_columns_go_to_a_private_file_that_leaves_nothing() {
        const Workspace workspace("blocks");
        const QTemporaryDir temporary;
        qputenv("TMPDIR", temporary.path().toUtf8());
        const Dump dump = Dump::open(workspace.dump_path);
        StoreOptions options;
        options.use_cache = false;
        options.pass.memory_budget_bytes = std::size_t(1) << 20;
        const MetricsStore store = MetricsStore::compute(dump, "", options);
        qunsetenv("TMPDIR");
        QVERIFY(store.cache_path().empty());
        QVERIFY(fs::is_empty(temporary.path().toStdString()));
        QVERIFY(!fs::exists(workspace.cache_directory));
        const MetricsStore cached = workspace.compute(std::size_t(1) << 20);
        QVERIFY(same_values(column(store, 2, Metric::Sigma), column(cached, 2, Metric::Sigma)));
        options.keep_columns = false;
        const MetricsStore statistics = MetricsStore::compute(dump, "", options);
        compare_summaries(statistics.summaries(), store.summaries());
        try {
            statistics.columns(0);
            QFAIL("no error");
        } catch (const RequestError& error) {
            QVERIFY2(QString(error.what()).contains("its per-token columns were not kept"),
                     error.what());
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
        // The columns still come, from a private file instead.
        QCOMPARE(column(store, 0, Metric::Norm).size(), std::size_t(store.summaries()[0].n_tokens));
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
