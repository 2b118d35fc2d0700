#include "widgets/figure_writer.h"

#include <vtkChartXY.h>
#include <vtkTextProperty.h>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include <algorithm>
#include <filesystem>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "widgets/chart_view.h"
#include "widgets/figure_pdf.h"
#include "widgets/figure_pdf_text.h"
#include "widgets/figure_scene_svg.h"
#include "widgets/figure_transparency.h"
#include "widgets/vtk_view_widget.h"

namespace lngeom::widgets {
namespace {

FigureFormat requireFormat(const std::string& path) {
    const std::optional<FigureFormat> format = figureFormatOf(path);
    if (!format)
        throw Error(path, "",
                    "is not a figure format lngeom writes (use .png, .svg, .pdf or .eps)");
    return *format;
}

QImage grab(VtkViewWidget& view, const RasterOptions& raster) {
    return raster.transparent ? grabWithTransparentBackground(view, raster.scale)
                              : view.grabImage(raster.scale);
}

void savePng(const QImage& image, const std::string& path) {
    if (image.isNull()) throw Error(path, "", "cannot be written: the view has nothing to draw");
    AtomicFile file(path);
    if (!image.save(QString::fromStdString(file.temporary_path()), "PNG"))
        throw Error(path, "", "cannot be written (saving " + file.temporary_path() + " failed)");
    file.commit();
}

// What GL2PS is given for a chart text of the SVG: ASCII (VTK draws strings beyond Latin-1 as
// outlines) without '|' (VTK takes strings with it for math text and draws them as outlines
// too); restoreTexts() puts the original back.
std::string svgPlaceholder(const std::string& text) {
    std::string spelled = asciiSpelling(text);
    std::replace(spelled.begin(), spelled.end(), '|', '!');
    return spelled;
}

// Puts each chart text GL2PS was given in ASCII back as it is, as the SVG's UTF-8 text.
void restoreTexts(std::string& svg, const AsciiChartText& ascii) {
    for (const auto& [original, spelled] : ascii.spellings()) {
        const std::string from = ">" + spelled + "</text>";
        const std::string to = ">" + svgEscaped(original) + "</text>";
        for (std::size_t at = svg.find(from); at != std::string::npos;
             at = svg.find(from, at + to.size()))
            svg.replace(at, from.size(), to);
    }
}

// GL2PS names one font for every font file VTK draws with, so a bold title arrives regular.
void markBold(std::string& svg, const std::string& text) {
    const std::size_t end = svg.find(">" + svgEscaped(text) + "</text>");
    const std::size_t start = end == std::string::npos ? end : svg.rfind("<text ", end);
    if (start != std::string::npos) svg.insert(start + 6, "font-weight=\"bold\" ");
}

// GL2PS's SVG of the chart with every text as the chart has it, and `underlay`'s elements
// beneath the chart's.
std::string chartSvg(ChartView& chart, const std::string& path, const ChartUnderlay& underlay) {
    const std::string beneath = underlay ? underlay() : std::string();
    const std::string title = chart.chart()->GetTitle();
    const AsciiChartText ascii(chart.chart(), svgPlaceholder);
    const QTemporaryDir directory;
    // GL2PS titles the SVG after the file's name.
    const QString svgPath = directory.filePath(
        QString::fromStdString(std::filesystem::path(path).stem().string() + ".svg"));
    QFile svgFile(svgPath);
    if (!directory.isValid() || !chart.exportVector(svgPath) || !svgFile.open(QIODevice::ReadOnly))
        throw Error(path, "", "cannot be written: the vector export wrote nothing");
    std::string svg = svgFile.readAll().toStdString();
    restoreTexts(svg, ascii);
    if (chart.chart()->GetTitleProperties()->GetBold()) markBold(svg, title);
    const std::size_t body = svg.find("<g>\n");
    if (body == std::string::npos)
        throw Error(path, "", "cannot be written: GL2PS's SVG has no drawing group");
    return svg.insert(body + 4, beneath);
}

void writeBytes(const std::string& bytes, const AtomicFile& file) {
    QFile out(QString::fromStdString(file.temporary_path()));
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()))
        throw Error(file.target(), "", "cannot be written: " + out.errorString().toStdString());
}

// EPS straight from GL2PS: base-14 fonts, so text is spelled in ASCII (PDF goes through the
// SVG and keeps its symbols; PostScript has no such route here).
void writeEps(ChartView& chart, const AtomicFile& file, const ChartUnderlay& underlay) {
    if (underlay)
        throw Error(file.target(), "",
                    "cannot be written as EPS: this chart's cells are drawn from its data for "
                    "SVG and PDF only; use .svg, .pdf or .png");
    const AsciiChartText asciiText(chart.chart());
    if (!chart.exportVector(QString::fromStdString(file.temporary_path())))
        throw Error(file.target(), "", "cannot be written: the vector export wrote nothing");
}

}  // namespace

std::optional<FigureFormat> figureFormatOf(const std::string& path) {
    const std::string extension = std::filesystem::path(path).extension().string();
    if (extension == ".png") return FigureFormat::Png;
    if (extension == ".svg") return FigureFormat::Svg;
    if (extension == ".pdf") return FigureFormat::Pdf;
    if (extension == ".eps") return FigureFormat::Eps;
    return std::nullopt;
}

void writeChartFigure(ChartView& chart, const std::string& path, const RasterOptions& raster,
                      const ChartUnderlay& underlay) {
    const FigureFormat format = requireFormat(path);
    if (format == FigureFormat::Png) return savePng(grab(chart, raster), path);
    // The first grab sizes VTK's window to the widget, which a never-shown widget has not done.
    if (chart.grabImage(1.0).isNull())
        throw Error(path, "", "cannot be written: the view has nothing to draw");
    AtomicFile file(path);
    if (format == FigureFormat::Eps) {
        writeEps(chart, file, underlay);
    } else {
        const std::string svg = chartSvg(chart, path, underlay);
        if (format == FigureFormat::Svg)
            writeBytes(svg, file);
        else
            writePdfFromSvg(svg, file.temporary_path());
    }
    file.commit();
}

void writeRasterFigure(VtkViewWidget& view, const std::string& path, const RasterOptions& raster) {
    if (requireFormat(path) != FigureFormat::Png)
        throw Error(path, "", "cannot be written as vector graphics from a 3D view (use .png)");
    savePng(grab(view, raster), path);
}

}  // namespace lngeom::widgets
