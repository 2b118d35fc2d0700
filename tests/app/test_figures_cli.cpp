// `lngeom figures` on both sample dumps without a display: the full figure set, each figure
// with its recipe, the tables as CSV, Markdown and the `lngeom stats` JSON.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include "tests/app/export_runs.h"
#include "tests/widgets/image_checks.h"

using lngeom::test::CommandRun;
using lngeom::test::runLngeom;
using lngeom::test::sampleDump;

namespace {

QStringList figureNames() {
    QStringList names;
    for (int site = 0; site < 9; ++site)
        names << QString("angle-histogram-site%1.png").arg(site, 3, 10, QChar('0'));
    return names << "angle-histograms.png"
                 << "curves-angle.png"
                 << "curves-norm.png"
                 << "curves-rotation.png"
                 << "heatmap-angle.png"
                 << "projection.png"
                 << "step-through.png"
                 << "io-curve.png"
                 << "ellipsoid.png";
}

QByteArray contents(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class TestFiguresCli : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir cache_;

  private slots:
    void writesTheFullSet_data() {
        QTest::addColumn<QString>("sample");
        QTest::newRow("layernorm") << "sample-layernorm.h5";
        QTest::newRow("rmsnorm") << "sample-rmsnorm.h5";
    }

    void writesTheFullSet() {
        QFETCH(QString, sample);
        QTemporaryDir out;
        const QString directory = out.filePath("figures");
        const CommandRun run = runLngeom(
            {"figures", sampleDump(qPrintable(sample)), "--out", directory, "--scale", "1"},
            cache_.path());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        for (const QString& name : figureNames()) {
            const QImage image(QDir(directory).filePath(name));
            QVERIFY2(!image.isNull(), qPrintable(name));
            QVERIFY2(lngeom::test::fractionOfPixelsNear(image, Qt::white, 8) < 0.97,
                     qPrintable(name));
            QVERIFY2(QFile::exists(QDir(directory).filePath(name + ".recipe.json")),
                     qPrintable(name));
        }
        const QByteArray markdown = contents(QDir(directory).filePath("tables.md"));
        QVERIFY(markdown.startsWith("| layer | site | placement | module |"));
        QCOMPARE(markdown.count('\n'), 2 + 9);
        QVERIFY(contents(QDir(directory).filePath("tables.csv")).startsWith("key,module,"));
        const CommandRun stats =
            runLngeom({"stats", sampleDump(qPrintable(sample)), "--format", "json"}, cache_.path());
        QCOMPARE(contents(QDir(directory).filePath("stats.json")), stats.out);
    }

    void vectorFormats_data() {
        QTest::addColumn<QString>("format");
        QTest::newRow("svg") << "svg";
        QTest::newRow("pdf") << "pdf";
    }

    // Every figure in the asked format, the heatmap and the projection included, and nothing
    // on stderr (GL2PS's complaint about PNG support in SVG included).
    void vectorFormats() {
        QFETCH(QString, format);
        QTemporaryDir out;
        const CommandRun run = runLngeom(
            {"figures", sampleDump("sample-layernorm.h5"), "-o", out.path(), "--format", format},
            cache_.path());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(QString::fromUtf8(run.err), QString());
        for (const char* name : {"angle-histogram-site000", "angle-histograms", "curves-angle",
                                 "heatmap-angle", "projection", "step-through", "io-curve",
                                 "ellipsoid"})
            QVERIFY2(QFile::exists(out.filePath(QString(name) + "." + format)), qPrintable(name));
    }

    void badInputIsOneLine_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString hint = " (see lngeom figures --help)";
        const QString sample = sampleDump("sample-layernorm.h5");
        QTest::newRow("no directory") << QStringList{sample} << 2 << "no --out DIR given" + hint;
        QTest::newRow("unknown short option")
            << QStringList{sample, "-o", "x", "-s", "3"} << 2 << "unknown option '-s'" + hint;
        QTest::newRow("bad format") << QStringList{sample, "--out", "x", "--format", "gif"} << 2
                                    << "--format must be png, svg or pdf, not 'gif'" + hint;
        QTest::newRow("directory under a file")
            << QStringList{sample, "--out", sample + "/figures"} << 1
            << sample + "/figures: cannot be created: Not a directory";
    }

    void badInputIsOneLine() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CommandRun run = runLngeom(QStringList{"figures"} + arguments, cache_.path());
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(QString::fromUtf8(run.err), "lngeom figures: " + message + "\n");
    }
};

QTEST_GUILESS_MAIN(TestFiguresCli)
#include "test_figures_cli.moc"
