#pragma once
// What the `lngeom export` suites share: a private metrics cache and output directory, reading
// an exported SVG's text and shapes, counting a PDF's paths, and drawing a figure again from
// its recipe to compare.

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <algorithm>

#include "tests/app/export_runs.h"
#include "tests/widgets/image_checks.h"

namespace lngeom::test {

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

class ExportFixture {
  public:
    QString output(const QString& name) const { return out_.filePath(name); }
    QString cache() const { return cache_.path(); }
    QString outputDirectory() const { return out_.path(); }

    // Draws `figure` again from the recipe beside it into NAME.png: empty when the two images
    // agree within a mean pixel difference of `threshold`, else why not (the new image is kept).
    QString redrawDiffers(const QString& figure, const QString& name, double threshold) const {
        const QString again = output(name + ".png");
        const CommandRun redraw =
            runLngeom({"export", "--recipe", figure + ".recipe.json", "--out", again}, cache());
        if (redraw.exitCode != 0) return describe(redraw);
        const QImage a(figure), b(again);
        if (b.size() != a.size()) return "the redrawn figure has another size";
        const double difference = meanAbsoluteDifference(a, b);
        if (difference <= threshold) return {};
        saveTestImage(b, name);
        return "mean pixel difference " + QString::number(difference);
    }

    // `lngeom export` of the LayerNorm sample with `options`, into `out`.
    CommandRun exportSample(const QString& out, const QStringList& options) const {
        return runLngeom(QStringList{"export", kLayerNorm, "--out", out} + options, cache());
    }

    // The histogram of the sample's site 003, with `options`, into `out`.
    CommandRun exportHistogram(const QString& out, const QStringList& options = {}) const {
        return exportSample(out, QStringList{"--view", "histogram", "--site", "003"} + options);
    }

  private:
    QTemporaryDir cache_;
    QTemporaryDir out_;
};

}  // namespace lngeom::test
