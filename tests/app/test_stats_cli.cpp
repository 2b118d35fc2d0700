// `lngeom stats` as a user runs it: JSON that parses and matches numpy, the cache, --output,
// other formats, one clear line on stderr for every wrong argument and for every file libhdf5
// crashes or hangs on.
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "tests/app/command_run.h"
#include "tests/app/dumps_without_tokens.h"
#include "tests/app/known_crasher_rows.h"
#include "tests/core/test_metric_fixtures.h"

namespace {

using lngeom::test::CommandRun;

CommandRun run_stats(const QStringList& arguments, const QString& cache_directory = QString()) {
    QProcessEnvironment environment = lngeom::test::environmentWithoutDisplay();
    if (!cache_directory.isEmpty()) environment.insert("LNGEOM_CACHE_DIR", cache_directory);
    return lngeom::test::runCommand(LNGEOM_BIN, QStringList{"stats"} + arguments, environment);
}

QString fixture(const QString& type) {
    return QString::fromStdString(lngeom::test::metric_fixture(type));
}

void compare_with_fixture(const QJsonObject& report, const QString& type) {
    QCOMPARE(report.value("file").toString(), fixture(type));
    const QJsonArray expected = lngeom::test::expected_sites(fixture(type).toStdString());
    const QJsonArray sites = report.value("sites").toArray();
    QCOMPARE(sites.size(), expected.size());
    for (qsizetype s = 0; s < sites.size(); ++s) {
        const QJsonObject actual = sites[s].toObject(), wanted = expected[s].toObject();
        for (const char* field : {"key", "module", "layer", "site", "d", "n_tokens", "n_invalid"})
            QCOMPARE(actual.value(field), wanted.value(field));
        const QJsonObject metrics = actual.value("metrics").toObject();
        const QJsonObject wanted_metrics = wanted.value("metrics").toObject();
        QCOMPARE(metrics.keys(), wanted_metrics.keys());
        for (const QString& name : metrics.keys())
            for (const char* field : {"mean", "std", "min", "max", "p01", "p50", "p99"})
                QVERIFY2(lngeom::test::close_to(metrics[name][field].toDouble(),
                                                wanted_metrics[name][field].toDouble(), 2e-7),
                         qPrintable(name + " " + field));
    }
}

}  // namespace

class TestStatsCli : public QObject {
    Q_OBJECT

  private slots:
    void json_matches_numpy_data() {
        QTest::addColumn<QString>("type");
        for (const QString& type : lngeom::test::metric_fixture_types() + QStringList{"blocks"})
            QTest::newRow(qPrintable(type)) << type;
    }

    void json_matches_numpy() {
        QFETCH(QString, type);
        const CommandRun run = run_stats({fixture(type), "--format", "json", "--no-cache"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.isEmpty());
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        compare_with_fixture(document.object(), type);
    }

    void json_parses_in_python() {
        QTemporaryDir directory;
        const QString output = directory.filePath("stats.json");
        QCOMPARE(
            run_stats({fixture("bfloat16"), "--format", "json", "--no-cache", "--output", output})
                .exitCode,
            0);
        QProcess python;
        python.start(LNGEOM_PYTHON, {"-c",
                                     "import json, sys; d = json.load(open(sys.argv[1])); "
                                     "print(d['sites'][1]['n_invalid'], d['model']['name'])",
                                     output});
        QVERIFY(python.waitForFinished(60000));
        QCOMPARE(python.readAllStandardOutput().trimmed(), QByteArray("4 fixture \"bfloat16\""));
    }

    // Table and CSV come from the cache (JSON reads the dump again for its massive state).
    void the_cache_gives_the_same_report() {
        QTemporaryDir cache;
        const QStringList arguments{fixture("float16"), "--format", "csv"};
        const CommandRun first = run_stats(arguments, cache.path());
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(QDir(cache.path()).entryList(QDir::Files).size(), 1);
        const CommandRun second = run_stats(arguments, cache.path());
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.out, first.out);
    }

    void output_is_written_whole_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("first_line");
        QTest::newRow("table") << "table"
                               << "file: " + fixture("float64");
        QTest::newRow("csv") << "csv"
                             << "key,module,layer,site,stack,role,d,n_tokens,n_invalid,"
                                "n_invalid_output,"
                                "metric,count,mean,std,min,max,p01,p50,p99";
        QTest::newRow("json") << "json"
                              << "{\"file\": \"" + fixture("float64") + "\",";
    }

    void output_is_written_whole() {
        QFETCH(QString, format);
        QFETCH(QString, first_line);
        QTemporaryDir directory;
        const QString output = directory.filePath("report");
        const QStringList arguments{fixture("float64"), "--format",  format,
                                    "--no-cache",       "--threads", "3"};
        const CommandRun to_file = run_stats(arguments + QStringList{"--output", output});
        QCOMPARE(to_file.exitCode, 0);
        QVERIFY(to_file.out.isEmpty());
        QCOMPARE(QDir(directory.path()).entryList(QDir::Files), QStringList{"report"});
        const QByteArray written = lngeom::test::fixture_bytes(output.toStdString());
        QCOMPARE(written, run_stats(arguments).out);
        QCOMPARE(QString::fromUtf8(written.split('\n').front()), first_line);
        const QString short_output = directory.filePath("short");
        QCOMPARE(run_stats(arguments + QStringList{"-o", short_output}).exitCode, 0);
        QCOMPARE(lngeom::test::fixture_bytes(short_output.toStdString()), written);
    }

    void help_is_printed() {
        for (const char* help : {"--help", "-h"}) {
            const CommandRun run = run_stats({help});
            QCOMPARE(run.exitCode, 0);
            QVERIFY(run.out.startsWith("Usage: lngeom stats FILE [options]"));
            QVERIFY(run.out.contains("--memory-budget MB"));
            QVERIFY(run.out.contains("-o, --output OUT"));
        }
    }

    void wrong_arguments_are_explained_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exit_code");
        QTest::addColumn<QString>("message");
        const QString good = fixture("float32");
        QTest::newRow("no file") << QStringList{} << 2 << "no FILE given";
        QTest::newRow("bad format") << QStringList{good, "--format", "xml"} << 2
                                    << "--format must be table, csv or json, not 'xml'";
        QTest::newRow("zero validation time")
            << QStringList{good, "--validation-timeout", "0"} << 2
            << "--validation-timeout needs a whole number from 1 to 3600, not '0'";
        QTest::newRow("zero threads") << QStringList{good, "--threads", "0"} << 2
                                      << "--threads needs a whole number from 1 to 256, not '0'";
        QTest::newRow("budget not a number")
            << QStringList{good, "--memory-budget", "lots"} << 2
            << "--memory-budget needs a whole number from 16 to 1048576, not 'lots'";
        QTest::newRow("unknown option")
            << QStringList{good, "--bogus", "1"} << 2 << "unknown option '--bogus'";
        QTest::newRow("unknown short option") << QStringList{good, "-x", "out"} << 2
                                              << "unknown option '-x' (see lngeom stats --help)";
        QTest::newRow("short option without its value")
            << QStringList{good, "-o"} << 2 << "-o needs a value";
        QTest::newRow("missing value")
            << QStringList{good, "--format"} << 2 << "--format needs a value";
        QTest::newRow("two files") << QStringList{good, good} << 2 << "one FILE only";
        QTest::newRow("missing file")
            << QStringList{"/nonexistent/dump.h5"} << 1 << "/nonexistent/dump.h5";
        QTest::newRow("missing dataset") << QStringList{good, "--dataset", "/nope"} << 1 << "/nope";
        QTest::newRow("unwritable output")
            << QStringList{good, "--no-cache", "--output", "/nonexistent/out.json"} << 1
            << "/nonexistent/out.json: cannot be written";
    }

    void wrong_arguments_are_explained() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exit_code);
        QFETCH(QString, message);
        const CommandRun run = run_stats(arguments);
        QCOMPARE(run.exitCode, exit_code);
        QVERIFY(run.out.isEmpty());
        const QString error = QString::fromUtf8(run.err);
        QVERIFY2(error.startsWith("lngeom stats: ") && error.contains(message), qPrintable(error));
        QCOMPARE(error.count('\n'), 1);
        QVERIFY(error.endsWith('\n'));
    }

    // Nothing to report: one line naming the file, the dataset without tokens and why.
    void dumps_without_tokens_are_refused_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("native, 3 sites")
            << "no_tokens.h5"
            << "/norms/000/input: has no tokens (0 rows), nor has any of the dump's other 2 sites; "
               "there is nothing to show";
        QTest::newRow("native, one site of two")
            << "no_tokens_at_second_site.h5"
            << "/norms/001/input: has no tokens (0 rows) but /norms/000/input has 10 tokens; "
               "every site of a native dump sees the same tokens";
        QTest::newRow("generic (0, 8)")
            << "no_tokens_2d.h5"
            << "/hidden: has no tokens (0 rows); there is nothing to show";
        QTest::newRow("generic (2, 0, 8)")
            << "no_tokens_3d.h5"
            << "/hidden: has no tokens (0 rows) in each of its 2 layers; there is nothing to show";
    }

    void dumps_without_tokens_are_refused() {
        QFETCH(QString, file);
        QFETCH(QString, message);
        QTemporaryDir directory;
        QVERIFY(lngeom::test::writeDumpsWithoutTokens(directory.path()));
        const QString path = directory.filePath(file);
        const CommandRun run = run_stats({path, "--no-cache"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(QString::fromUtf8(run.err), "lngeom stats: " + path + ": " + message + "\n");
    }

    // A file libhdf5 crashes or hangs on: one line naming the file, the object and what libhdf5
    // was doing, exit status 1 within the time limit, never a signal.
    void known_hdf5_crashers_are_refused_data() {
        lngeom::test::add_known_crasher_rows("lngeom stats");
    }

    void known_hdf5_crashers_are_refused() {
        QFETCH(QString, path);
        QFETCH(QString, message);
        QElapsedTimer clock;
        clock.start();
        const CommandRun run = run_stats({path, "--no-cache", "--validation-timeout",
                                          QString::number(lngeom::test::kCrasherTimeoutSeconds)});
        QVERIFY(clock.elapsed() < 20000);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        const QString error = QString::fromUtf8(run.err);
        QVERIFY2(error.startsWith(message), qPrintable(error));
        QCOMPARE(error.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestStatsCli)
#include "test_stats_cli.moc"
