// `lngeom export --view projection`: SVG and PDF drawn from the projected geometry (every point
// a circle in the view's colours, the axes and the colour bar with their text), the layer
// colours in every format, and a recipe that keeps the camera.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "tests/app/export_fixture.h"

using namespace lngeom::test;

namespace {

// Left of the colour bar, a layer-coloured cloud of four layers has points in the hues of layers
// 0, 1 and 2 (3 is red, as the view's 1 axis) and next to none between them, where a continuous
// colour scale (angle, norm) puts many. Empty when so; else the counts.
QString layerHueProblem(const QImage& image) {
    // Hue ranges (degrees): layers 0, 1, 2, then the gap between layers 2 and 1.
    const std::array<std::pair<int, int>, 4> hues{{{215, 245}, {140, 175}, {65, 100}, {105, 135}}};
    std::array<int, 4> pixels{};
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width() * 4 / 5; ++x) {
            const QColor colour = image.pixelColor(x, y);
            if (colour.hsvSaturationF() < 0.6 || colour.valueF() < 0.5) continue;
            for (std::size_t range = 0; range < hues.size(); ++range)
                if (colour.hsvHue() >= hues[range].first && colour.hsvHue() <= hues[range].second)
                    ++pixels[range];
        }
    const int fewest = *std::min_element(pixels.begin(), pixels.begin() + 3);
    if (fewest > 50 && pixels[3] * 10 < fewest) return {};
    return QString("layers 0, 1, 2: %1, %2, %3 pixels; between: %4")
        .arg(pixels[0])
        .arg(pixels[1])
        .arg(pixels[2])
        .arg(pixels[3]);
}

}  // namespace

class TestExportProjection : public QObject {
    Q_OBJECT

    ExportFixture fixture_;

  private slots:
    void projectionAsSvgFromGeometry() {
        const QString path = fixture_.output("projection.svg");
        const CommandRun run =
            runLngeom({"export", kLayerNorm, "--view", "projection", "--site", "final", "-o", path},
                      fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        QCOMPARE(svg.count("<circle"), 512);   // every token of the sample is finite
        QVERIFY(svg.count("<polyline") >= 5);  // sphere outline, equator, three axes
        QString parseError;
        const SvgCounts counts = countSvg(path, &parseError);
        QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
        QVERIFY2(counts.allText.contains("PC1") && counts.allText.contains("site final"),
                 qPrintable(counts.allText));
    }
    // --colour layer draws every ln1 site (4 × 512 tokens) in one colour per layer, with the
    // colour bar labelled on the layers, in the vector figure as in the view.
    void projectionColouredByLayerAsSvg() {
        const QString path = fixture_.output("projection-layers.svg");
        const CommandRun run = runLngeom({"export", kLayerNorm, "--view", "projection", "--site",
                                          "1·ln1", "--colour", "layer", "--out", path},
                                         fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QMap<QString, int> pointsByColour;
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"circle")
                ++pointsByColour[xml.attributes().value("fill").toString()];
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(pointsByColour.size(), 4);
        // Every token is drawn, or counted in the note on the few far out.
        QString parseError;
        const SvgCounts counts = countSvg(path, &parseError);
        const QRegularExpression beyond("(\\d+) of 2048 tokens lie beyond the picture");
        const auto note = beyond.match(counts.allText);
        int drawn = 0;
        for (int points : pointsByColour) drawn += points;
        QCOMPARE(drawn + (note.hasMatch() ? note.captured(1).toInt() : 0), 4 * 512);
        QVERIFY(drawn > 4 * 500);
        for (const char* label : {"layer", "(every ln1)", "0", "1", "2", "3", "every ln1 site"})
            QVERIFY2(counts.allText.contains(label), qPrintable(label + (": " + counts.allText)));
        QFile recipe(path + ".recipe.json");
        QVERIFY(recipe.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(recipe.readAll())["projection"]["colour"].toString(),
                 QString("layer"));
    }
    // The PNG from the view itself, and the PDF (drawn from the SVG) as a reader shows it.
    void projectionColouredByLayerAsImage_data() {
        QTest::addColumn<QString>("format");
        QTest::newRow("png") << "png";
        QTest::newRow("pdf") << "pdf";
    }
    void projectionColouredByLayerAsImage() {
        QFETCH(QString, format);
        const QString path = fixture_.output("projection-layers." + format);
        const CommandRun run =
            runLngeom({"export", kLayerNorm, "--view", "projection", "--site", "1·ln1", "--colour",
                       "layer", "--scale", "1", "--out", path},
                      fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QString picture = path;
        if (format == "pdf") {
            const QString prefix = fixture_.output("projection-layers-pdf");
            QCOMPARE(
                runTool("pdftoppm", {"-png", "-r", "72", "-singlefile", path, prefix}).exitCode, 0);
            picture = prefix + ".png";
        }
        const QImage image(picture);
        QVERIFY(!image.isNull());
        const QString problem = layerHueProblem(image);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    void projectionRecipeKeepsTheCamera() {
        const QString first = fixture_.output("projection-first.png");
        const CommandRun run = runLngeom(
            {"export", kLayerNorm, "--view", "projection", "--scale", "1", "--out", first},
            fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QFile recipeFile(first + ".recipe.json");
        QVERIFY(recipeFile.open(QIODevice::ReadOnly));
        const QJsonObject recipe = QJsonDocument::fromJson(recipeFile.readAll()).object();
        QCOMPARE(recipe["camera"].toObject()["position"].toArray().size(), 3);
        const QString differs = fixture_.redrawDiffers(first, "export-projection-again", 1.0);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
    }
};

QTEST_GUILESS_MAIN(TestExportProjection)
#include "test_export_projection.moc"
