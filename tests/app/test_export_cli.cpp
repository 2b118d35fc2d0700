// `lngeom export` as a user runs it without a display: PNG sizes follow the scale, SVG and PDF
// are vector (paths and real text, no embedded bitmap) and open in real readers, a recipe draws
// the same image again, data exports match the core's, and every bad input is one clear line.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>
#include <array>
#include <utility>

#include "tests/app/export_runs.h"
#include "tests/widgets/image_checks.h"

using lngeom::test::CommandRun;
using lngeom::test::describe;
using lngeom::test::runLngeom;
using lngeom::test::runTool;
using lngeom::test::sampleDump;

namespace {

const QString kLayerNorm = sampleDump("sample-layernorm.h5");

struct SvgCounts {
    int text = 0;
    int shapes = 0;  // path, polygon, polyline
    int images = 0;
    QString allText;
};

SvgCounts countSvg(const QString& path, QString* parseError) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QXmlStreamReader xml(&file);
    SvgCounts counts;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        const auto name = xml.name();
        if (name == u"text") {
            ++counts.text;
            counts.allText += xml.readElementText(QXmlStreamReader::IncludeChildElements) + " ";
        } else if (name == u"path" || name == u"polygon" || name == u"polyline") {
            ++counts.shapes;
        } else if (name == u"image") {
            ++counts.images;
        }
    }
    if (xml.hasError()) *parseError = xml.errorString();
    return counts;
}

// Paths in a PDF, counted in poppler's SVG of it (the PDF's streams are compressed), after its
// <defs> (where poppler keeps the glyphs of the text).
int pdfPaths(const QString& pdf) {
    const QString svg = pdf + ".paths.svg";
    if (runTool("pdftocairo", {"-svg", pdf, svg}).exitCode != 0) return 0;
    QFile file(svg);
    if (!file.open(QIODevice::ReadOnly)) return 0;
    const QByteArray text = file.readAll();
    return int(text.mid(std::max<qsizetype>(text.lastIndexOf("</defs>"), 0)).count("<path"));
}

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

QStringList hiddenFiles(const QString& directory) {
    return QDir(directory).entryList(QStringList{".*partial*"}, QDir::AllEntries | QDir::Hidden);
}

}  // namespace

class TestExportCli : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir cache_;
    QTemporaryDir out_;

    QString output(const QString& name) const { return out_.filePath(name); }

    // Draws `figure` again from the recipe beside it into NAME.png: empty when the two images
    // agree within a mean pixel difference of `threshold`, else why not (the new image is kept).
    QString redrawDiffers(const QString& figure, const QString& name, double threshold) {
        const QString again = output(name + ".png");
        const CommandRun redraw = runLngeom(
            {"export", "--recipe", figure + ".recipe.json", "--out", again}, cache_.path());
        if (redraw.exitCode != 0) return describe(redraw);
        const QImage a(figure), b(again);
        if (b.size() != a.size()) return "the redrawn figure has another size";
        const double difference = lngeom::test::meanAbsoluteDifference(a, b);
        if (difference <= threshold) return {};
        lngeom::test::saveTestImage(b, name);
        return "mean pixel difference " + QString::number(difference);
    }

    CommandRun exportFigure(const QString& out, const QStringList& options = {}) {
        return runLngeom(QStringList{"export", kLayerNorm, "--view", "histogram", "--site", "003",
                                     "--out", out} +
                             options,
                         cache_.path());
    }

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
        const QString path = output(QString("scale%1.png").arg(scale));
        const CommandRun run = runLngeom({"export", kLayerNorm, "--site", site, "--size", "320x220",
                                          "--scale", QString::number(scale), "--out", path},
                                         cache_.path());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY(run.err.isEmpty());
        const QImage image(path);
        QCOMPARE(image.size(), QSize(320 * scale, 220 * scale));
        QVERIFY(lngeom::test::fractionOfPixelsNear(image, Qt::white, 8) < 0.95);
    }

    void svgIsVector() {
        const QString path = output("histogram.svg");
        const CommandRun run = exportFigure(path, {"--bins", "40"});
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
        const QString path = output("histogram.pdf");
        const CommandRun run = exportFigure(path);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const CommandRun text = runTool("pdftotext", {path, "-"});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY2(text.out.contains("angle to 1"), text.out.constData());
        // Painted from the chart's SVG: the bars and lines are paths of their own, no raster.
        const int paths = pdfPaths(path);
        QVERIFY2(paths >= 80, qPrintable(QString::number(paths)));
        const QString prefix = output("histogram-page");
        const CommandRun render =
            runTool("pdftoppm", {"-png", "-r", "72", "-singlefile", path, prefix});
        QVERIFY2(render.exitCode == 0, render.err.constData());
        const QImage page(prefix + ".png");
        QVERIFY(!page.isNull());
        QVERIFY(lngeom::test::fractionOfPixelsNear(page, Qt::white, 8) < 0.95);
    }

    void recipeDrawsTheSameImage() {
        const QString first = output("recipe-first.png");
        const CommandRun run = exportFigure(first, {"--bins", "30", "--range", "84:96", "--log"});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QFile recipeFile(first + ".recipe.json");
        QVERIFY(recipeFile.open(QIODevice::ReadOnly));
        const QJsonObject recipe = QJsonDocument::fromJson(recipeFile.readAll()).object();
        QCOMPARE(recipe["view"].toString(), "histogram");
        QCOMPARE(recipe["site"].toString(), "003");
        QCOMPARE(recipe["bins"].toInt(), 30);
        QCOMPARE(recipe["file"].toString(), kLayerNorm);
        const QString differs = redrawDiffers(first, "export-recipe-again", 0.5);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
    }

    void recipeWithoutOutDrawsBesideIt() {
        const QString figure = output("beside.svg");
        QCOMPARE(exportFigure(figure).exitCode, 0);
        QFile::remove(figure);
        const CommandRun run =
            runLngeom({"export", "--recipe", figure + ".recipe.json"}, cache_.path());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY(QFile::exists(figure));
    }

    void projectionAsSvgFromGeometry() {
        const QString path = output("projection.svg");
        const CommandRun run = runLngeom(
            {"export", kLayerNorm, "--view", "projection", "--site", "final", "--out", path},
            cache_.path());
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
        const QString path = output("projection-layers.svg");
        const CommandRun run = runLngeom({"export", kLayerNorm, "--view", "projection", "--site",
                                          "1·ln1", "--colour", "layer", "--out", path},
                                         cache_.path());
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
        for (int points : pointsByColour) QCOMPARE(points, 512);
        QString parseError;
        const SvgCounts counts = countSvg(path, &parseError);
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
        const QString path = output("projection-layers." + format);
        const CommandRun run =
            runLngeom({"export", kLayerNorm, "--view", "projection", "--site", "1·ln1", "--colour",
                       "layer", "--scale", "1", "--out", path},
                      cache_.path());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QString picture = path;
        if (format == "pdf") {
            const QString prefix = output("projection-layers-pdf");
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
        const QString first = output("projection-first.png");
        const CommandRun run = runLngeom(
            {"export", kLayerNorm, "--view", "projection", "--scale", "1", "--out", first},
            cache_.path());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QFile recipeFile(first + ".recipe.json");
        QVERIFY(recipeFile.open(QIODevice::ReadOnly));
        const QJsonObject recipe = QJsonDocument::fromJson(recipeFile.readAll()).object();
        QCOMPARE(recipe["camera"].toArray().size(), 9);
        const QString differs = redrawDiffers(first, "export-projection-again", 1.0);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
    }

    void stepThroughPng_data() {
        QTest::addColumn<int>("step");
        QTest::newRow("x") << 0;
        QTest::newRow("gamma y + beta") << 4;
    }

    void stepThroughPng() {
        QFETCH(int, step);
        const QString path = output(QString("step%1.png").arg(step));
        const CommandRun run =
            runLngeom({"export", kLayerNorm, "--view", "step", "--token", "7", "--step",
                       QString::number(step), "--size", "400x300", "--scale", "2", "--out", path},
                      cache_.path());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(QImage(path).size(), QSize(800, 600));
        QFile recipeFile(path + ".recipe.json");
        QVERIFY(recipeFile.open(QIODevice::ReadOnly));
        const QJsonObject recipe = QJsonDocument::fromJson(recipeFile.readAll()).object();
        QCOMPARE(recipe["tokens"].toArray(), QJsonArray{7});
        QCOMPARE(recipe["step"].toInt(), step);
    }

    // Several tokens are walked side by side, each in its own colour, and the recipe keeps them.
    void stepThroughOfSeveralTokens() {
        const QString one = output("step-one.png");
        const QString three = output("step-three.png");
        for (const auto& [path, tokens] : {std::pair{one, "7"}, std::pair{three, "7,20,300"}}) {
            const CommandRun run =
                runLngeom({"export", kLayerNorm, "--view", "step", "--tokens", tokens, "--step",
                           "3", "--size", "400x300", "--scale", "1", "--out", path},
                          cache_.path());
            QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        }
        QFile recipeFile(three + ".recipe.json");
        QVERIFY(recipeFile.open(QIODevice::ReadOnly));
        const QJsonObject recipe = QJsonDocument::fromJson(recipeFile.readAll()).object();
        QCOMPARE(recipe["tokens"].toArray(), (QJsonArray{7, 20, 300}));
        // The second token's colour in the panel's palette is green.
        const QColor secondToken(96, 204, 96);
        const double alone = lngeom::test::fractionOfPixelsNear(QImage(one), secondToken, 40);
        const double beside = lngeom::test::fractionOfPixelsNear(QImage(three), secondToken, 40);
        QVERIFY2(alone < 1e-4 && beside > 5e-4,
                 qPrintable(QString("green pixels: %1 alone, %2 beside").arg(alone).arg(beside)));
    }

    void transparentBackground() {
        const QString path = output("transparent.png");
        const CommandRun run = exportFigure(path, {"--transparent", "--scale", "1"});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QImage image(path);
        QVERIFY(image.hasAlphaChannel());
        QCOMPARE(qAlpha(image.pixel(2, 2)), 0);
        int opaque = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) opaque += qAlpha(image.pixel(x, y)) == 255;
        QVERIFY2(opaque > image.width() * image.height() / 50, qPrintable(QString::number(opaque)));
    }

    void tokenMetricsCsv() {
        const QString path = output("final.csv");
        const CommandRun run =
            runLngeom({"export", kLayerNorm, "--data", "metrics", "--site", "final", "--out", path},
                      cache_.path());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 514);  // header, 512 tokens, the empty piece after the last '\n'
        QVERIFY(lines[0].startsWith("site,module,layer,site_name,token,text,sequence,position,"));
        QVERIFY(lines[1].startsWith("008,ln_f,4,final,0,"));
    }

    void statisticsAreTheStatsJson() {
        const QString path = output("stats.json");
        const CommandRun run =
            runLngeom({"export", kLayerNorm, "--data", "stats", "--out", path}, cache_.path());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const CommandRun stats =
            runLngeom({"stats", kLayerNorm, "--format", "json"}, cache_.path());
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
            << "--view must be histogram, curves, heatmap, projection or step, not 'pie'" + hint;
        QTest::newRow("unknown projection colour")
            << QStringList{kLayerNorm, "--view", "projection", "--colour", "rainbow", "--out", png}
            << 2
            << "--colour must be one of angle_to_uniform, norm, position, selection, layer, not "
               "'rainbow'" +
                   hint;
        QTest::newRow("unknown metric")
            << QStringList{kLayerNorm, "--metric", "angle", "--out", png} << 2
            << "--metric: 'angle' is not a metric (angle_to_uniform_deg, norm, uniform_component, "
               "abs_cos_to_uniform, sigma, rms, ln_standardized_norm, ln_vs_rms_deg, output_norm, "
               "rotation_deg)" +
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
        QTest::newRow("data in a figure format")
            << QStringList{kLayerNorm, "--data", "metrics", "--out", png} << 2
            << "--data metrics writes .csv or .h5, not '" + png + "'" + hint;
        QTest::newRow("heatmap as EPS")
            << QStringList{kLayerNorm, "--view", "heatmap", "--out", "/tmp/heatmap.eps"} << 1
            << "/tmp/heatmap.eps: cannot be written as EPS: this chart's cells are drawn from its "
               "data for SVG and PDF only; use .svg, .pdf or .png";
        QTest::newRow("step-through as vector")
            << QStringList{kLayerNorm, "--view", "step", "--out", "/tmp/step.pdf"} << 1
            << "/tmp/step.pdf: cannot be written from the step-through: use .png";
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
        const CommandRun run = runLngeom(QStringList{"export"} + arguments, cache_.path());
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(QString::fromUtf8(run.err), "lngeom export: " + message + "\n");
        QVERIFY(!QFile::exists(QDir::temp().filePath("lngeom-never-written.png")));
    }

    void badRecipeIsNamed() {
        const QString path = output("bad.recipe.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"lngeom_figure_recipe": 1, "file": "x.h5", "view": "pie", "metric": "norm"})");
        file.close();
        const CommandRun run = runLngeom({"export", "--recipe", path}, cache_.path());
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(QString::fromUtf8(run.err),
                 "lngeom export: " + path + ": view: 'pie' is not a view lngeom draws\n");
    }

    void missingXvfbIsOneLine() {
        const CommandRun run = runLngeom({"export", kLayerNorm, "--out", output("never.png")},
                                         cache_.path(), "/nonexistent");
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(QString::fromUtf8(run.err),
                 "lngeom export: no display (DISPLAY is not set) and Xvfb is not installed: "
                 "install the 'xvfb' package (tools/install-deps.sh) or set DISPLAY to an X "
                 "server\n");
    }

    void failedExportKeepsTheOldFigure() {
        const QString path = output("kept.png");
        QCOMPARE(exportFigure(path).exitCode, 0);
        QFile before(path);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray good = before.readAll();
        const CommandRun failed =
            runLngeom({"export", kLayerNorm, "--site", "9·ln7", "--out", path}, cache_.path());
        QCOMPARE(failed.exitCode, 1);
        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), good);
        QVERIFY(hiddenFiles(out_.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "test_export_cli.moc"
