// A dump written in shards under a master of virtual datasets (tools/lngeom_shards.py) opens as
// one dump: the same sites, rows, token columns and statistics as the same rows in one file.
// Every master whose shards are missing, elsewhere, of another type or shape, nested, or not
// regular HDF5 files is refused by name before a row is read; none reads as fill values. The
// metrics cache and the mergeable states of a master go stale when one of its shards changes.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/errors.h"
#include "core/io/dump.h"
#include "core/metrics/metrics_pass.h"
#include "core/metrics/metrics_store.h"
#include "core/state/state_file.h"
#include "tests/core/test_error_checks.h"

using namespace lngeom;

namespace {

std::string fixture(const QString& relative) {
    return (QString(LNGEOM_TEST_OUTPUT_DIR) + "/vds-fixtures/" + relative).toStdString();
}

RowMatrixF rows_of(const Dump& dump, std::size_t site, Stream stream) {
    RowBlock block;
    dump.read_rows(site, stream, 0, dump.info().sites[site].n_tokens, block);
    return std::get<RowMatrixF>(block.rows);
}

// good/'s master and shards copied into `directory`; returns the master's path.
std::string copy_of_good(const QTemporaryDir& directory) {
    const QDir good(QString::fromStdString(fixture("good")));
    for (const QString& name : good.entryList({"dump*.h5"}, QDir::Files))
        if (!QFile::copy(good.filePath(name), directory.filePath(name))) return {};
    return directory.filePath("dump.h5").toStdString();
}

// The second shard rewritten in place: the same size and layout, the first site's inputs doubled.
bool rewrite_second_shard(const QTemporaryDir& directory) {
    const QString shard = directory.filePath("dump-00001.h5");
    return QFile::remove(shard) &&
           QFile::copy(QString::fromStdString(fixture("changed/dump-00001.h5")), shard);
}

}  // namespace

class TestVirtualDumps : public QObject {
    Q_OBJECT

  private slots:
    void master_reads_as_one_dump() {
        const Dump whole = Dump::open(fixture("good/whole.h5"));
        const Dump master = Dump::open(fixture("good/dump.h5"));
        QCOMPARE(master.info().sites.size(), whole.info().sites.size());
        QCOMPARE(master.info().n_tokens, Index(997));
        for (std::size_t s = 0; s < whole.info().sites.size(); ++s) {
            const SiteInfo &a = master.info().sites[s], &b = whole.info().sites[s];
            QCOMPARE(a.module, b.module);
            QCOMPARE(a.d, b.d);
            QCOMPARE(a.n_tokens, b.n_tokens);
            QCOMPARE(a.input_type, b.input_type);
            QCOMPARE(a.has_output, b.has_output);
            QVERIFY(rows_of(master, s, Stream::Input) == rows_of(whole, s, Stream::Input));
            if (a.has_output)
                QVERIFY(rows_of(master, s, Stream::Output) == rows_of(whole, s, Stream::Output));
            QVERIFY(*master.read_gamma(s) == *whole.read_gamma(s));
        }
        QCOMPARE(master.read_tokens(0, 997), whole.read_tokens(0, 997));
        QCOMPARE(master.read_position(0, 997), whole.read_position(0, 997));
        // Each shard numbered its sequences from 0: the master renumbers them to stay distinct.
        QCOMPARE(master.read_sequence(0, 997), whole.read_sequence(0, 997));
    }

    void master_statistics_equal_one_file() {
        PassOptions options;
        const std::vector<SiteSummary> master =
            run_metrics_pass(Dump::open(fixture("good/dump.h5")), options);
        const std::vector<SiteSummary> whole =
            run_metrics_pass(Dump::open(fixture("good/whole.h5")), options);
        for (std::size_t s = 0; s < whole.size(); ++s) {
            QCOMPARE(master[s].n_tokens, whole[s].n_tokens);
            QCOMPARE(master[s].n_invalid, whole[s].n_invalid);
            for (std::size_t m = 0; m < whole[s].metrics.size(); ++m) {
                QCOMPARE(master[s].metrics[m].p50, whole[s].metrics[m].p50);
                QCOMPARE(master[s].metrics[m].max, whole[s].metrics[m].max);
                QVERIFY(std::abs(master[s].metrics[m].mean - whole[s].metrics[m].mean) <=
                        1e-12 * std::abs(whole[s].metrics[m].mean));
            }
        }
    }

    void bad_master_is_named_data() {
        test::add_error_columns("shard");
        test::add_error_row("missing shard", "missing", "dump-00001.h5", "format",
                            "/norms/000/input",
                            "missing; lngeom never reads a missing shard's rows as fill values");
        test::add_error_row("source by absolute path", "elsewhere", "", "format",
                            "/norms/000/input",
                            "is a virtual dataset whose values come from other files: lngeom "
                            "reads such a dataset only when its sources are shard files in the "
                            "dump's own directory, named without a directory; one source is '/");
        test::add_error_row("printf pattern", "pattern", "", "format", "/norms/000/input",
                            "one source is 'dump-%%.h5'");
        test::add_error_row("shard of another type", "wrong_type", "dump-00001.h5", "format",
                            "/norms/000/input",
                            "/norms/000/input has element type float32, the virtual dataset "
                            "float16");
        test::add_error_row("shard too short", "short", "dump-00001.h5", "format",
                            "/norms/000/input",
                            "/norms/000/input has shape 200 rows, fewer than the mapping takes");
        test::add_error_row("unmapped rows", "gap", "", "format", "/norms/000/input",
                            "mappings cover 16728 of its 23928 values; the others would read as "
                            "fill values");
        test::add_error_row("nested virtual shard", "nested", "dump-00001.h5", "format",
                            "/norms/000/input",
                            "is itself virtual; lngeom follows one level of shards only");
        test::add_error_row("shard not HDF5", "not_hdf5", "dump-00001.h5", "format",
                            "/norms/000/input", "its source shard cannot be read: ");
        test::add_error_row("shard is a directory", "directory", "dump-00001.h5", "format",
                            "/norms/000/input", "is a directory, not an HDF5 file");
        test::add_error_row("shard is a FIFO", "fifo", "dump-00001.h5", "format",
                            "/norms/000/input", "is not a regular file");
    }

    void bad_master_is_named() {
        QFETCH(QString, file);
        QFETCH(QString, shard);
        QFETCH(QString, kind);
        QFETCH(QString, object);
        QFETCH(QString, reason);
        const std::string master = fixture(file + "/dump.h5");
        const test::Caught caught = test::catch_error([&] { Dump::open(master); });
        test::check_caught(caught, kind, master, object, reason);
        if (!shard.isEmpty())
            QVERIFY2(caught.message.find(fixture(file + "/" + shard)) != std::string::npos,
                     caught.message.c_str());
    }

    // Rewriting a shard leaves the master's own bytes as they were: the cache key covers the
    // shards, so the cache of the old rows is not used.
    void changed_shard_makes_the_cache_stale() {
        QTemporaryDir directory;
        const std::string master = copy_of_good(directory);
        QVERIFY(!master.empty());
        StoreOptions options;
        options.cache_directory = directory.filePath("cache").toStdString();
        QCOMPARE(Dump::open(master).info().shard_files.size(), std::size_t(3));
        const auto compute = [&] { return MetricsStore::compute(Dump::open(master), "", options); };
        const MetricsStore first = compute();
        QVERIFY(!first.loaded_from_cache());
        QVERIFY(compute().loaded_from_cache());

        QVERIFY(rewrite_second_shard(directory));
        const MetricsStore again = compute();
        QVERIFY(!again.loaded_from_cache());
        const std::size_t norm = std::size_t(Metric::Norm);
        QVERIFY(again.summaries()[0].metrics[norm].mean > first.summaries()[0].metrics[norm].mean);
        QVERIFY(compute().loaded_from_cache());
    }

    // The state of a master's shard 0 of 2 from before a shard was rewritten does not merge with
    // shard 1's from after: the fingerprint covers the shards, and the refusal names both state
    // files, the master and the shard that differs.
    void changed_shard_makes_a_state_stale() {
        QTemporaryDir directory;
        const std::string master = copy_of_good(directory);
        QVERIFY(!master.empty());
        const auto state_of = [&](int shard, const QString& name) {
            const Dump dump = Dump::open(master);
            PassOptions options;
            options.shard = {shard, 2};
            const std::string path = directory.filePath(name).toStdString();
            write_state_file(
                path, dump_state(dump, "", options.shard, run_statistics_pass(dump, options)));
            return path;
        };
        const std::string before = state_of(0, "before-0-of-2.state");
        QVERIFY(
            merge_state_files({before, state_of(1, "unchanged-1-of-2.state")}, true).complete());

        QVERIFY(rewrite_second_shard(directory));
        const std::string after = state_of(1, "after-1-of-2.state");
        const test::Caught caught = test::catch_error([&] {
            merge_state_files({before, after}, true);
        });
        QCOMPARE(caught.kind, QString("request"));
        const QString message = QString::fromStdString(caught.message);
        const QString shard_part = QString::fromStdString(master) + ": shard dump-00001.h5 size ";
        QVERIFY2(message.startsWith(QString::fromStdString(before + " and " + after) +
                                    ": are states of different dumps (" + shard_part),
                 qPrintable(message));
        QVERIFY2(message.contains("; " + shard_part), qPrintable(message));
    }

    // HDF5 would otherwise look for the shards in the directories this names first.
    void vds_prefix_refused() {
        qputenv("HDF5_VDS_PREFIX", "/tmp");
        const test::Caught caught = test::catch_error([&] { Dump::open(fixture("good/dump.h5")); });
        qunsetenv("HDF5_VDS_PREFIX");
        test::check_caught(caught, "format", fixture("good/dump.h5"), "/norms/000/input",
                           "HDF5_VDS_PREFIX is set");
    }
};

QTEST_GUILESS_MAIN(TestVirtualDumps)
#include "test_virtual_dumps.moc"
