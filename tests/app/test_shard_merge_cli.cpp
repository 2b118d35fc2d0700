// `lngeom stats --shard K/N --state OUT` and `lngeom merge` as a Slurm array would run them: the
// merged report equals one pass's (129 sites, a prime token count, more shards than tokens,
// merges in any order and in stages); merging what does not belong together, damaged or
// foreign files and wrong arguments are refused with one line naming the files.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <random>

#include "tests/app/cluster_runs.h"

using lngeom::test::CommandRun;

namespace {

CommandRun run_lngeom(const QStringList& arguments) {
    return lngeom::test::runCommand(LNGEOM_BIN, arguments);
}

QString fixture(const QString& name) {
    if (name == "sketch")
        return QString(LNGEOM_TEST_OUTPUT_DIR) + "/metric-fixtures/metrics-sketch.h5";
    return lngeom::test::cluster_fixture(name + ".h5");
}

// The states of shards 0 … n − 1 of `file` in `directory`.
QStringList write_shards(const QString& file, int n, const QString& directory,
                         const QString& prefix = "shard") {
    QStringList states;
    for (int k = 0; k < n; ++k) {
        const QString state = directory + QString("/%1-%2-of-%3.state").arg(prefix).arg(k).arg(n);
        const CommandRun run =
            run_lngeom({"stats", file, "--shard", QString("%1/%2").arg(k).arg(n), "--state", state,
                        "--threads", QString::number(1 + k % 2)});
        if (run.exitCode != 0) qWarning() << run.err;
        states << state;
    }
    return states;
}

QByteArray one_pass_json(const QString& file) {
    return run_lngeom({"stats", file, "--format", "json", "--no-cache"}).out;
}

QString merge_error(const QStringList& states) {
    const CommandRun run = run_lngeom(QStringList{"merge"} + states);
    const QString error = QString::fromUtf8(run.err).trimmed();
    return run.exitCode == 1 ? error : QString("exit status %1: %2").arg(run.exitCode).arg(error);
}

}  // namespace

class TestShardMergeCli : public QObject {
    Q_OBJECT

  private slots:
    void merge_equals_one_pass_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("shards");
        QTest::newRow("129 sites, 3 shards") << "many-sites" << 3;
        QTest::newRow("20011 tokens (prime, past the exact limit), 5 shards") << "sketch" << 5;
        QTest::newRow("3 tokens, 4 shards") << "tiny" << 4;
    }

    void merge_equals_one_pass() {
        QFETCH(QString, file);
        QFETCH(int, shards);
        QTemporaryDir directory;
        QStringList states = write_shards(fixture(file), shards, directory.path());
        std::shuffle(states.begin(), states.end(), std::mt19937(shards));
        const CommandRun merged = run_lngeom(QStringList{"merge", "--format", "json"} + states);
        QVERIFY2(merged.exitCode == 0, merged.err.constData());
        const QJsonObject expected = lngeom::test::parse_report(one_pass_json(fixture(file)));
        QVERIFY(!expected.isEmpty());
        lngeom::test::compare_reports(lngeom::test::parse_report(merged.out), expected, "report");
    }

    // Merged in two stages (states of states), into a file, in every format.
    void merge_in_stages_and_formats() {
        QTemporaryDir directory;
        const QStringList states = write_shards(fixture("many-sites"), 4, directory.path());
        const QString left = directory.path() + "/left.state";
        const QString right = directory.path() + "/right.state";
        QCOMPARE(run_lngeom({"merge", states[0], states[2], "--state", left}).exitCode, 0);
        QCOMPARE(run_lngeom({"merge", states[3], states[1], "--state", right}).exitCode, 0);
        const QString report = directory.path() + "/report.json";
        const CommandRun run =
            run_lngeom({"merge", right, left, "--format", "json", "--output", report});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile written(report);
        QVERIFY(written.open(QIODevice::ReadOnly));
        lngeom::test::compare_reports(
            lngeom::test::parse_report(written.readAll()),
            lngeom::test::parse_report(one_pass_json(fixture("many-sites"))), "staged");
        // The table rounds to two decimals: the same text.
        QCOMPARE(run_lngeom({"merge", left, right}).out,
                 run_lngeom({"stats", fixture("many-sites"), "--no-cache"}).out);
        // The CSV's header and each site's columns before its numbers, as one pass writes them.
        const auto csv_columns = [](const QByteArray& csv) {
            QStringList lines;
            for (const QByteArray& line : csv.split('\n'))
                lines << QString::fromUtf8(line).section(',', 0, 9);
            return lines;
        };
        QCOMPARE(
            csv_columns(run_lngeom({"merge", left, right, "--format", "csv"}).out),
            csv_columns(
                run_lngeom({"stats", fixture("many-sites"), "--no-cache", "--format", "csv"}).out));
    }

    void refuses_what_does_not_merge() {
        QTemporaryDir directory;
        const QString path = directory.path();
        const QStringList of_three = write_shards(fixture("many-sites"), 3, path);
        const QStringList of_two = write_shards(fixture("many-sites"), 2, path);
        const QStringList copy = write_shards(fixture("many-sites-copy"), 3, path, "copy");

        const QString missing = merge_error({of_three[0], of_three[2]});
        QVERIFY2(missing.startsWith("lngeom merge: " + of_three[0] + " and " + of_three[2] +
                                    ": hold shards 0/3, 2/3 of the dump; missing: 1/3"),
                 qPrintable(missing));
        const QString twice = merge_error({of_three[0], of_three[1], of_three[1]});
        QVERIFY2(twice.contains(of_three[1] + " and " + of_three[1] + ": both hold shard 1/3"),
                 qPrintable(twice));
        const QString other_dump = merge_error({of_three[0], copy[1], of_three[2]});
        QVERIFY2(other_dump.contains(of_three[0] + " and " + copy[1] +
                                     ": are states of different dumps (" + fixture("many-sites")),
                 qPrintable(other_dump));
        const QString other_split = merge_error({of_three[0], of_two[1]});
        QVERIFY2(other_split.contains("split the dump into 3 and 2 shards"),
                 qPrintable(other_split));
    }

    void refuses_damaged_and_foreign_files() {
        QTemporaryDir directory;
        const QString state = write_shards(fixture("tiny"), 1, directory.path()).front();
        QFile file(state);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        const auto variant = [&](const QString& name, const QByteArray& content) {
            const QString path = directory.path() + "/" + name;
            QFile out(path);
            out.open(QIODevice::WriteOnly);
            out.write(content);
            return path;
        };
        QByteArray flipped = bytes;
        flipped[bytes.size() / 2] = char(flipped[bytes.size() / 2] ^ 0x40);
        QByteArray newer = bytes;
        newer[8] = 99;  // the version, right after the magic
        const struct {
            QString path;
            QString message;
        } cases[] = {
            {variant("flipped.state", flipped), ": damaged state: its checksum does not match"},
            {variant("truncated.state", bytes.left(bytes.size() - 100)), ": damaged state"},
            {variant("newer.state", newer),
             ": has state format version 99; this lngeom reads "
             "version 2"},
            {fixture("tiny"), ": is not a lngeom state file"},
            {directory.path() + "/absent.state", ": cannot be read"},
        };
        for (const auto& [path, message] : cases) {
            const QString error = merge_error({path});
            QVERIFY2(error.startsWith("lngeom merge: " + path + message), qPrintable(error));
        }
    }

    void refuses_wrong_arguments() {
        const QString file = fixture("tiny");
        const struct {
            QStringList arguments;
            QString message;
        } cases[] = {
            {{"stats", file, "--shard", "1/3"}, "--shard needs --state OUT"},
            {{"stats", file, "--shard", "3/3", "--state", "x"},
             "--shard needs K/N with 0 <= K < N"},
            {{"stats", file, "--shard", "two", "--state", "x"}, "--shard needs K/N"},
            {{"stats", file, "--state", "x", "--format", "json"},
             "--state writes the mergeable state, not a report"},
            {{"merge"}, "no STATE files given"},
            {{"merge", "a", "--state", "b", "--output", "c"}, "--state writes the merged state"},
        };
        for (const auto& [arguments, message] : cases) {
            const CommandRun run = run_lngeom(arguments);
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        }
        const CommandRun missing_directory =
            run_lngeom({"stats", file, "--state", "/nonexistent-directory/x.state"});
        QCOMPARE(missing_directory.exitCode, 1);
        QVERIFY2(missing_directory.err.contains("/nonexistent-directory/x.state"),
                 missing_directory.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestShardMergeCli)
#include "test_shard_merge_cli.moc"
