// Vector figures beyond GL2PS's own: the heatmap's cells as one rectangle per cell in the
// colour and at the place the PNG shows them (SVG, and the PDF painted from it); PDF text in an
// embedded font that keeps θ, σ, ‖x‖, ° and ·; the projection as PDF; no GL2PS chatter on stderr.
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "tests/app/export_runs.h"
#include "tests/widgets/image_checks.h"

using lngeom::test::CommandRun;
using lngeom::test::describe;
using lngeom::test::runLngeom;
using lngeom::test::runTool;
using lngeom::test::sampleDump;

namespace {

const QString kLayerNorm = sampleDump("sample-layernorm.h5");
constexpr int kSites = 9;  // the LayerNorm sample's norm sites
constexpr int kBins = 24;

struct Cell {
    QRectF rect;
    QColor fill;
};

// The heatmap's cells (outlined in their own colour), or with `outlined` false the colour bar's
// bands beside them.
std::vector<Cell> svgRects(const QString& path, bool outlined = true) {
    QFile file(path);
    std::vector<Cell> cells;
    if (!file.open(QIODevice::ReadOnly)) return cells;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"rect" &&
            xml.attributes().hasAttribute("stroke") == outlined) {
            const auto a = xml.attributes();
            cells.push_back({QRectF(a.value("x").toDouble(), a.value("y").toDouble(),
                                    a.value("width").toDouble(), a.value("height").toDouble()),
                             QColor(a.value("fill").toString())});
        }
    return cells;
}

// Cells whose centre, in `image` (drawn at one pixel per SVG unit), has the cell's colour.
int cellsMatching(const std::vector<Cell>& cells, const QImage& image) {
    int matching = 0;
    for (const Cell& cell : cells) {
        const QPoint centre = cell.rect.center().toPoint();
        matching += image.valid(centre) &&
                    lngeom::test::colourDistance(image.pixelColor(centre), cell.fill) <= 12;
    }
    return matching;
}

}  // namespace

class TestVectorCli : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir cache_;
    QTemporaryDir out_;

    QString output(const QString& name) const { return out_.filePath(name); }

    CommandRun exportHeatmap(const QString& path, const QStringList& options = {}) {
        return runLngeom(
            QStringList{"export", kLayerNorm, "--view", "heatmap", "--bins", QString::number(kBins),
                        "--size", "600x420", "--scale", "1", "--out", path} +
                options,
            cache_.path());
    }

  private slots:
    // One rectangle per cell, and at each cell's centre the PNG of the same figure shows the
    // rectangle's colour (a few cells lie under the drawn mean line).
    void heatmapSvgHasOneRectanglePerCell() {
        const QString svg = output("heatmap.svg"), png = output("heatmap.png");
        const CommandRun vector = exportHeatmap(svg);
        QVERIFY2(vector.exitCode == 0, qPrintable(describe(vector)));
        QCOMPARE(QString::fromUtf8(vector.err), QString());
        QCOMPARE(exportHeatmap(png).exitCode, 0);
        const std::vector<Cell> cells = svgRects(svg);
        QCOMPARE(int(cells.size()), kSites * kBins);
        const int matching = cellsMatching(cells, QImage(png));
        QVERIFY2(matching >= int(cells.size()) * 9 / 10,
                 qPrintable(QString("%1 of %2 cells").arg(matching).arg(cells.size())));
        const QSet<QRgb> colours = [&] {
            QSet<QRgb> set;
            for (const Cell& cell : cells) set.insert(cell.fill.rgb());
            return set;
        }();
        QVERIFY2(colours.size() > 10, "the cells are not coloured by their values");
        // The colour bar: bands from white to the darkest cell's blue, where the PNG has it.
        const std::vector<Cell> bands = svgRects(svg, false);
        QVERIFY2(bands.size() >= 32, qPrintable(QString::number(bands.size())));
        QVERIFY(bands.front().fill.lightness() < bands.back().fill.lightness());
        const int shown = cellsMatching(bands, QImage(png));
        QVERIFY2(shown >= int(bands.size()) * 9 / 10,
                 qPrintable(QString("%1 of %2 bands").arg(shown).arg(bands.size())));
    }

    // The PDF painted from that SVG, rendered by poppler, shows the same cells.
    void heatmapPdfShowsTheCells() {
        const QString svg = output("heatmap-for-pdf.svg"), pdf = output("heatmap.pdf");
        QCOMPARE(exportHeatmap(svg).exitCode, 0);
        const CommandRun run = exportHeatmap(pdf);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QString prefix = output("heatmap-page");
        const CommandRun render =
            runTool("pdftoppm", {"-png", "-r", "72", "-singlefile", pdf, prefix});
        QVERIFY2(render.exitCode == 0, render.err.constData());
        const QImage page(prefix + ".png");
        QCOMPARE(page.size(), QSize(600, 420));
        const std::vector<Cell> cells = svgRects(svg);
        const int matching = cellsMatching(cells, page);
        QVERIFY2(matching >= int(cells.size()) * 9 / 10,
                 qPrintable(QString("%1 of %2 cells").arg(matching).arg(cells.size())));
        const CommandRun asSvg = runTool("pdftocairo", {"-svg", pdf, output("heatmap-back.svg")});
        QCOMPARE(asSvg.exitCode, 0);
        QFile back(output("heatmap-back.svg"));
        QVERIFY(back.open(QIODevice::ReadOnly));
        QVERIFY(!back.readAll().contains("<image"));
    }

    void pdfKeepsSymbols_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("text");
        QTest::newRow("degree sign, middle dot")
            << QStringList{"--site", "003"} << QString("angle to 1 (°) at site 1·ln2");
        QTest::newRow("theta") << QStringList{"--metric", "abs_cos_to_uniform"}
                               << QString("|cos θ|");
        QTest::newRow("sigma") << QStringList{"--metric", "sigma"} << QString("σ");
        QTest::newRow("double bar")
            << QStringList{"--view", "curves", "--metric", "norm"} << QString("‖x‖");
        QTest::newRow("custom tick labels") << QStringList{"--view", "heatmap"} << QString("0·ln1");
        QTest::newRow("projection") << QStringList{"--view", "projection", "--site", "final"}
                                    << QString("tokens at site final");
    }

    // pdftotext reads the symbols back, the fonts are embedded, and nothing is a bitmap.
    void pdfKeepsSymbols() {
        QFETCH(QStringList, options);
        QFETCH(QString, text);
        const QString pdf = output(QString("symbols-%1.pdf").arg(QTest::currentDataTag()));
        const CommandRun run =
            runLngeom(QStringList{"export", kLayerNorm, "--out", pdf} + options, cache_.path());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(QString::fromUtf8(run.err), QString());
        const CommandRun read = runTool("pdftotext", {pdf, "-"});
        QCOMPARE(read.exitCode, 0);
        const QString extracted = QString::fromUtf8(read.out).simplified();
        QVERIFY2(extracted.contains(text), qPrintable(extracted));
        const CommandRun fonts = runTool("pdffonts", {pdf});
        QCOMPARE(fonts.exitCode, 0);
        const QStringList rows =
            QString::fromUtf8(fonts.out).split('\n', Qt::SkipEmptyParts).mid(2);
        QVERIFY2(!rows.isEmpty(), fonts.out.constData());
        // Columns: name, type, encoding, embedded, subset, unicode, object, generation.
        const QRegularExpression embedded("\\byes\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$");
        for (const QString& row : rows)
            QVERIFY2(row.contains(embedded), qPrintable("not embedded: " + row));
        const CommandRun images = runTool("pdfimages", {"-list", pdf});
        QCOMPARE(images.out.count('\n'), 2);  // the header only
    }

    void svgExportIsQuiet() {
        const CommandRun run =
            runLngeom({"export", kLayerNorm, "--view", "curves", "--out", output("quiet.svg")},
                      cache_.path());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(QString::fromUtf8(run.err), QString());
    }
};

QTEST_GUILESS_MAIN(TestVectorCli)
#include "test_vector_cli.moc"
