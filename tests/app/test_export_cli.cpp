// `lngeom export` as a command: data exports match the core's, every bad input is one clear
// line, a missing Xvfb is said so, and a failed export keeps the figure it would have replaced.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "tests/app/dumps_without_tokens.h"
#include "tests/app/export_fixture.h"

using namespace lngeom::test;

namespace {

QStringList hiddenFiles(const QString& directory) {
    return QDir(directory).entryList(QStringList{".*partial*"}, QDir::AllEntries | QDir::Hidden);
}

}  // namespace

class TestExportCli : public QObject {
    Q_OBJECT

    ExportFixture fixture_;

  private slots:
    void tokenMetricsCsv() {
        const QString path = fixture_.output("final.csv");
        const CommandRun run =
            runLngeom({"export", kLayerNorm, "--data", "metrics", "--site", "final", "--out", path},
                      fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 514);  // header, 512 tokens, the empty piece after the last '\n'
        QVERIFY(lines[0].startsWith("site,module,layer,site_name,token,text,sequence,position,"));
        QVERIFY(lines[1].startsWith("008,ln_f,4,final,0,"));
    }
    void statisticsAreTheStatsJson() {
        const QString path = fixture_.output("stats.json");
        const CommandRun run =
            runLngeom({"export", kLayerNorm, "--data", "stats", "--out", path}, fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const CommandRun stats =
            runLngeom({"stats", kLayerNorm, "--format", "json"}, fixture_.cache());
        QCOMPARE(stats.exitCode, 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), stats.out);
    }
    void badInputIsOneLine_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString png = QDir::temp().filePath("lngeom-never-written.png");
        const QString hint = " (see lngeom export --help)";
        QTest::newRow("unknown view")
            << QStringList{kLayerNorm, "--view", "pie", "--out", png} << 2
            << "--view must be histogram, curves, heatmap, projection, "
               "step, histograms, norm-growth, massive, io-curve or ellipsoid, not "
               "'pie'" +
                   hint;
        QTest::newRow("unknown io-curve colouring")
            << QStringList{kLayerNorm, "--colour", "angle_to_uniform", "--view", "io-curve",
                           "--out",    png}
            << 2
            << "--colour with --view io-curve must be density, channel or token, not "
               "'angle_to_uniform'" +
                   hint;
        QTest::newRow("unknown projection colour")
            << QStringList{kLayerNorm, "--view", "projection", "--colour", "rainbow", "--out", png}
            << 2
            << "--colour must be one of angle_to_uniform, norm, position, selection, layer, not "
               "'rainbow'" +
                   hint;
        QTest::newRow("unknown metric")
            << QStringList{kLayerNorm, "--metric", "angle", "--out", png} << 2
            << "--metric: 'angle' is not a metric (angle_to_uniform_deg, norm, uniform_component, "
               "abs_cos_to_uniform, sigma, rms, ln_standardized_norm, ln_vs_rms_deg, max_abs, "
               "top1_energy_share, output_norm, rotation_deg)" +
                   hint;
        QTest::newRow("unknown site")
            << QStringList{kLayerNorm, "--site", "9·ln7", "--out", png} << 1
            << kLayerNorm +
                   ": 9·ln7: is not a norm site of this dump (its sites: 000, 001, 002, 003, 004, "
                   "005, 006, 007, 008)";
        QTest::newRow("reversed range")
            << QStringList{kLayerNorm, "--range", "95:85", "--out", png} << 2
            << "--range needs LOW:HIGH with LOW < HIGH, not '95:85'" + hint;
        QTest::newRow("range without colon")
            << QStringList{kLayerNorm, "--range", "85", "--out", png} << 2
            << "--range needs LOW:HIGH with LOW < HIGH, not '85'" + hint;
        QTest::newRow("unwritable output")
            << QStringList{kLayerNorm, "--out", "/nonexistent/figure.png"} << 1
            << "/nonexistent/figure.png: cannot be written: the directory /nonexistent does not "
               "exist";
        QTest::newRow("unknown format")
            << QStringList{kLayerNorm, "--out", "figure.gif"} << 2
            << "--out figure.gif: the extension must be .png, .svg, .pdf or .eps" + hint;
        QTest::newRow("no output") << QStringList{kLayerNorm} << 2 << "no --out given" + hint;
        QTest::newRow("unknown short option") << QStringList{kLayerNorm, "-v", "curves", "-o", png}
                                              << 2 << "unknown option '-v'" + hint;
        QTest::newRow("data in a figure format")
            << QStringList{kLayerNorm, "--data", "metrics", "--out", png} << 2
            << "--data metrics writes .csv or .h5, not '" + png + "'" + hint;
        QTest::newRow("heatmap as EPS")
            << QStringList{kLayerNorm, "--view", "heatmap", "--out", "/tmp/heatmap.eps"} << 1
            << "/tmp/heatmap.eps: cannot be written as EPS: this chart's cells are drawn from its "
               "data for SVG and PDF only; use .svg, .pdf or .png";
        QTest::newRow("step-through as EPS")
            << QStringList{kLayerNorm, "--view", "step", "--out", "/tmp/step.eps"} << 1
            << "/tmp/step.eps: cannot be written from the step-through: use .png, .svg or .pdf";
        QTest::newRow("token past the end")
            << QStringList{kLayerNorm, "--view", "step", "--token", "512", "--out", png} << 1
            << kLayerNorm + ": /norms/000: has no token 512 (it has 512)";
        QTest::newRow("one of the tokens past the end")
            << QStringList{kLayerNorm, "--view", "step", "--tokens", "3,600,4", "--out", png} << 1
            << kLayerNorm + ": /norms/000: has no token 600 (it has 512)";
        QTest::newRow("nine tokens")
            << QStringList{kLayerNorm,          "--view", "step", "--tokens",
                           "1,2,3,4,5,6,7,8,9", "--out",  png}
            << 2 << "--tokens names 9 tokens; the step-through walks at most 8" + hint;
        QTest::newRow("a token list with a gap")
            << QStringList{kLayerNorm, "--view", "step", "--tokens", "3,,4", "--out", png} << 2
            << "--tokens needs a whole number from 0 to 9223372036854775807, not ''" + hint;
        QTest::newRow("step past the end")
            << QStringList{kLayerNorm, "--view", "step", "--step", "5", "--out", png} << 2
            << "--step needs a whole number from 0 to 4, not '5'" + hint;
        QTest::newRow("missing recipe")
            << QStringList{"--recipe", "/nonexistent/r.recipe.json"} << 1
            << "/nonexistent/r.recipe.json: cannot be read: No such file or directory";
    }
    void badInputIsOneLine() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CommandRun run = runLngeom(QStringList{"export"} + arguments, fixture_.cache());
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(QString::fromUtf8(run.err), "lngeom export: " + message + "\n");
        QVERIFY(!QFile::exists(QDir::temp().filePath("lngeom-never-written.png")));
    }
    // Whatever the view, a dump without tokens is refused as the file it is, before any view
    // asks for a row.
    void dumpWithoutTokensIsNamed_data() {
        QTest::addColumn<QString>("view");
        for (const char* view : {"histogram", "step", "io-curve", "massive", "norm-growth"})
            QTest::newRow(view) << view;
    }
    void dumpWithoutTokensIsNamed() {
        QFETCH(QString, view);
        QVERIFY(writeDumpsWithoutTokens(fixture_.outputDirectory()));
        const QString dump = fixture_.output("no_tokens_one_site.h5");
        const QString png = fixture_.output("without-tokens.png");
        const CommandRun run =
            runLngeom({"export", dump, "--view", view, "--out", png}, fixture_.cache());
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(QString::fromUtf8(run.err),
                 "lngeom export: " + dump +
                     ": /norms/000/input: has no tokens (0 rows); there is nothing to show\n");
        QVERIFY(!QFile::exists(png));
    }
    void badRecipeIsNamed() {
        const QString path = fixture_.output("bad.recipe.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"lngeom_figure_recipe": 1, "file": "x.h5", "view": "pie", "metric": "norm"})");
        file.close();
        const CommandRun run = runLngeom({"export", "--recipe", path}, fixture_.cache());
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(QString::fromUtf8(run.err),
                 "lngeom export: " + path + ": view: 'pie' is not a view lngeom draws\n");
    }
    void missingXvfbIsOneLine() {
        const CommandRun run =
            runLngeom({"export", kLayerNorm, "--out", fixture_.output("never.png")},
                      fixture_.cache(), "/nonexistent");
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(QString::fromUtf8(run.err),
                 "lngeom export: no display (DISPLAY is not set) and Xvfb is not installed: "
                 "install the 'xvfb' package (tools/install-deps.sh) or set DISPLAY to an X "
                 "server\n");
    }
    void failedExportKeepsTheOldFigure() {
        const QString path = fixture_.output("kept.png");
        QCOMPARE(fixture_.exportHistogram(path).exitCode, 0);
        QFile before(path);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray good = before.readAll();
        const CommandRun failed =
            runLngeom({"export", kLayerNorm, "--site", "9·ln7", "--out", path}, fixture_.cache());
        QCOMPARE(failed.exitCode, 1);
        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), good);
        QVERIFY(hiddenFiles(fixture_.outputDirectory()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "test_export_cli.moc"
