// `lngeom export` of the charts (histogram, curves, heatmap) as a user runs it without a display:
// PNG sizes follow the scale, SVG and PDF are vector (paths and real text, no embedded bitmap)
// and open in real readers, a recipe draws the same image again, a compared dump's curves come
// along.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "tests/app/export_fixture.h"

using namespace lngeom::test;

class TestExportCharts : public QObject {
    Q_OBJECT

    ExportFixture fixture_;

  private slots:
    void pngSizeFollowsScale_data() {
        QTest::addColumn<int>("scale");
        QTest::addColumn<QString>("site");
        QTest::newRow("1x") << 1 << "003";
        QTest::newRow("2x, site by label") << 2 << "1·ln2";
        QTest::newRow("3x, final norm") << 3 << "final";
    }
    void pngSizeFollowsScale() {
        QFETCH(int, scale);
        QFETCH(QString, site);
        const QString path = fixture_.output(QString("scale%1.png").arg(scale));
        const CommandRun run = runLngeom({"export", kLayerNorm, "--site", site, "--size", "320x220",
                                          "--scale", QString::number(scale), "--out", path},
                                         fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY(run.err.isEmpty());
        const QImage image(path);
        QCOMPARE(image.size(), QSize(320 * scale, 220 * scale));
        QVERIFY(fractionOfPixelsNear(image, Qt::white, 8) < 0.95);
    }
    void svgIsVector() {
        const QString path = fixture_.output("histogram.svg");
        const CommandRun run = fixture_.exportHistogram(path, {"--bins", "40"});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QString parseError;
        const SvgCounts counts = countSvg(path, &parseError);
        QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
        QCOMPARE(counts.images, 0);
        QVERIFY2(counts.shapes >= 40, qPrintable(QString::number(counts.shapes)));
        QVERIFY2(counts.text >= 5, qPrintable(QString::number(counts.text)));
        QVERIFY2(counts.allText.contains("angle to 1"), qPrintable(counts.allText));
        QVERIFY2(counts.allText.contains("tokens"), qPrintable(counts.allText));
    }
    void pdfIsVectorAndRenders() {
        const QString path = fixture_.output("histogram.pdf");
        const CommandRun run = fixture_.exportHistogram(path);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const CommandRun text = runTool("pdftotext", {path, "-"});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY2(text.out.contains("angle to 1"), text.out.constData());
        // Painted from the chart's SVG: the bars and lines are paths of their own, no raster.
        const int paths = pdfPaths(path);
        QVERIFY2(paths >= 80, qPrintable(QString::number(paths)));
        const QString prefix = fixture_.output("histogram-page");
        const CommandRun render =
            runTool("pdftoppm", {"-png", "-r", "72", "-singlefile", path, prefix});
        QVERIFY2(render.exitCode == 0, render.err.constData());
        const QImage page(prefix + ".png");
        QVERIFY(!page.isNull());
        QVERIFY(fractionOfPixelsNear(page, Qt::white, 8) < 0.95);
    }
    void recipeDrawsTheSameImage() {
        const QString first = fixture_.output("recipe-first.png");
        const CommandRun run =
            fixture_.exportHistogram(first, {"--bins", "30", "--range", "84:96", "--log"});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QFile recipeFile(first + ".recipe.json");
        QVERIFY(recipeFile.open(QIODevice::ReadOnly));
        const QJsonObject recipe = QJsonDocument::fromJson(recipeFile.readAll()).object();
        QCOMPARE(recipe["view"].toString(), "histogram");
        QCOMPARE(recipe["site"].toString(), "003");
        QCOMPARE(recipe["bins"].toInt(), 30);
        QCOMPARE(recipe["file"].toString(), kLayerNorm);
        const QString differs = fixture_.redrawDiffers(first, "export-recipe-again", 0.5);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
    }
    void recipeWithoutOutDrawsBesideIt() {
        const QString figure = fixture_.output("beside.svg");
        QCOMPARE(fixture_.exportHistogram(figure).exitCode, 0);
        QFile::remove(figure);
        const CommandRun run =
            runLngeom({"export", "--recipe", figure + ".recipe.json"}, fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY(QFile::exists(figure));
    }
    void transparentBackground() {
        const QString path = fixture_.output("transparent.png");
        const CommandRun run = fixture_.exportHistogram(path, {"--transparent", "--scale", "1"});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QImage image(path);
        QVERIFY(image.hasAlphaChannel());
        QCOMPARE(qAlpha(image.pixel(2, 2)), 0);
        int opaque = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) opaque += qAlpha(image.pixel(x, y)) == 255;
        QVERIFY2(opaque > image.width() * image.height() / 50, qPrintable(QString::number(opaque)));
    }

    // --compare adds the compared dump's curve and the difference of means, as the app's
    // Compare with box does; the recipe keeps the comparison and draws it again.
    void comparedCurves() {
        const QString svg = fixture_.output("compared.svg");
        const QString png = fixture_.output("compared.png");
        for (const QString& path : {svg, png}) {
            const CommandRun run = fixture_.exportSample(
                path,
                {"--view", "curves", "--compare", sampleDump("sample-rmsnorm.h5"), "--scale", "1"});
            QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        }
        QString parseError;
        const SvgCounts counts = countSvg(svg, &parseError);
        for (const char* text :
             {"sample-layernorm.h5 mean", "sample-rmsnorm.h5 mean", "difference of means"})
            QVERIFY2(counts.allText.contains(text), qPrintable(counts.allText));
        QFile recipe(png + ".recipe.json");
        QVERIFY(recipe.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(recipe.readAll()).object();
        QCOMPARE(json["compare"].toObject()["file"].toString(), sampleDump("sample-rmsnorm.h5"));
        const QString differs = fixture_.redrawDiffers(png, "compared-again", 0.5);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
    }
};

QTEST_GUILESS_MAIN(TestExportCharts)
#include "test_export_charts.moc"
