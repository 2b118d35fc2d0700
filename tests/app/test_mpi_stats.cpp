// `mpirun -np N lngeom-mpi stats` as on a cluster: the same JSON as `lngeom stats` for N = 1, 2
// and 4 (129 sites, a prime token count past the exact limit, more ranks than tokens), and a
// rank that cannot read its rows ending the job with its rank, the file and the reason, a
// non-zero status and no output file. A file libhdf5 crashes or hangs on is refused by rank 0's
// validation probe before any rank reads it.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "tests/app/cluster_runs.h"
#include "tests/app/known_crasher_rows.h"

using lngeom::test::CommandRun;

namespace {

QString fixture(const QString& name) {
    if (name == "sketch")
        return QString(LNGEOM_TEST_OUTPUT_DIR) + "/metric-fixtures/metrics-sketch.h5";
    return lngeom::test::cluster_fixture(name + ".h5");
}

// Each rank gets one thread: the machines that run the tests have few cores.
CommandRun mpi_stats(int ranks, const QStringList& arguments) {
    return lngeom::test::runCommand(
        "mpirun", QStringList{"-np", QString::number(ranks), "--oversubscribe", LNGEOM_MPI_BIN,
                              "stats", "--threads", "1"} +
                      arguments);
}

}  // namespace

class TestMpiStats : public QObject {
    Q_OBJECT

  private slots:
    void same_report_as_one_pass_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("ranks");
        for (const int ranks : {1, 2, 4}) {
            QTest::newRow(qPrintable(QString("129 sites, np %1").arg(ranks)))
                << "many-sites" << ranks;
            QTest::newRow(qPrintable(QString("20011 tokens, np %1").arg(ranks)))
                << "sketch" << ranks;
        }
        QTest::newRow("3 tokens, np 4") << "tiny" << 4;
    }

    void same_report_as_one_pass() {
        QFETCH(QString, file);
        QFETCH(int, ranks);
        const CommandRun run = mpi_stats(ranks, {fixture(file), "--format", "json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const CommandRun one_pass = lngeom::test::runCommand(
            LNGEOM_BIN, {"stats", fixture(file), "--format", "json", "--no-cache"});
        lngeom::test::compare_reports(lngeom::test::parse_report(run.out),
                                      lngeom::test::parse_report(one_pass.out), "report");
    }

    // The merged state of 4 ranks is the state `lngeom merge` makes of 4 shards.
    void writes_the_merged_state() {
        QTemporaryDir directory;
        const QString state = directory.path() + "/all.state";
        const CommandRun run = mpi_stats(4, {fixture("many-sites"), "--state", state});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const CommandRun merged =
            lngeom::test::runCommand(LNGEOM_BIN, {"merge", state, "--format", "json"});
        QVERIFY2(merged.exitCode == 0, merged.err.constData());
        const CommandRun one_pass = lngeom::test::runCommand(
            LNGEOM_BIN, {"stats", fixture("many-sites"), "--format", "json", "--no-cache"});
        lngeom::test::compare_reports(lngeom::test::parse_report(merged.out),
                                      lngeom::test::parse_report(one_pass.out), "state");
    }

    void failing_rank_named_and_nothing_written() {
        QTemporaryDir directory;
        const QString output = directory.path() + "/report.json";
        for (const int ranks : {2, 4}) {
            const CommandRun run =
                mpi_stats(ranks, {fixture("failing-rank"), "--format", "json", "--output", output});
            QVERIFY(run.exitCode != 0);
            const QString last = QString("rank %1 of %2: %3: /norms/001/input: ")
                                     .arg(ranks - 1)
                                     .arg(ranks)
                                     .arg(fixture("failing-rank"));
            QVERIFY2(run.err.contains(("lngeom-mpi stats: " + last).toUtf8()), run.err.constData());
            QVERIFY2(run.err.contains("rank(s) failed; nothing was written"), run.err.constData());
            QVERIFY(!run.err.contains("rank 0 of"));
            QVERIFY(!QFile::exists(output));
            QCOMPARE(QDir(directory.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
        }
    }

    // One line naming the file, the object and what libhdf5 did (as `lngeom stats` says it),
    // exit status 1 within the time limit, no output file, no rank killed by a signal.
    void known_hdf5_crashers_are_refused_data() {
        lngeom::test::add_known_crasher_rows("lngeom-mpi stats");
    }

    void known_hdf5_crashers_are_refused() {
        QFETCH(QString, path);
        QFETCH(QString, message);
        QTemporaryDir directory;
        const QString output = directory.path() + "/report.json";
        QElapsedTimer clock;
        clock.start();
        const CommandRun run =
            mpi_stats(2, {path, "--format", "json", "--output", output, "--validation-timeout",
                          QString::number(lngeom::test::kCrasherTimeoutSeconds)});
        QVERIFY(clock.elapsed() < 20000);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        QCOMPARE(run.err.count("lngeom-mpi stats:"), 1);
        QVERIFY2(!run.err.contains("signal"), run.err.constData());
        QCOMPARE(QDir(directory.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    void refuses_wrong_arguments() {
        const CommandRun shard = mpi_stats(2, {fixture("tiny"), "--shard", "0/2", "--state", "x"});
        QCOMPARE(shard.exitCode, 2);
        QVERIFY2(shard.err.contains("--shard is for lngeom stats: here the ranks are the shards"),
                 shard.err.constData());
        QCOMPARE(shard.err.count("lngeom-mpi stats:"), 1);  // rank 0 alone says it
        const CommandRun absent = mpi_stats(2, {"/nonexistent/dump.h5"});
        QCOMPARE(absent.exitCode, 1);
        // Refused by rank 0's validation, before any rank opens it: said once.
        QVERIFY2(absent.err.contains("lngeom-mpi stats: /nonexistent/dump.h5: "),
                 absent.err.constData());
        QCOMPARE(absent.err.count("lngeom-mpi stats:"), 1);
    }
};

QTEST_GUILESS_MAIN(TestMpiStats)
#include "test_mpi_stats.moc"
