#include "widgets/figures/figure_writer.h"

#include <QFile>
#include <QImage>

#include <filesystem>

#include "core/errors.h"
#include "core/io/atomic_file.h"
#include "widgets/charts/chart_view.h"
#include "widgets/figures/figure_chart_svg.h"
#include "widgets/figures/figure_pdf_text.h"
#include "widgets/figures/figure_transparency.h"
#include "widgets/figures/svg_painter.h"
#include "widgets/figures/svg_text.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

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

void writeSvgFigure(const std::string& svg, const std::string& path, const RasterOptions& raster) {
    const FigureFormat format = requireFormat(path);
    if (format == FigureFormat::Eps)
        throw Error(path, "",
                    "cannot be written as EPS: this figure is drawn as .svg, .pdf or .png");
    if (format == FigureFormat::Png)
        return savePng(imageFromSvg(raster.transparent ? withoutBackground(svg) : svg, raster.scale,
                                    raster.transparent, path),
                       path);
    AtomicFile file(path);
    if (format == FigureFormat::Svg)
        writeBytes(svg, file);
    else
        writePdfFromSvg(svg, file.temporary_path());
    file.commit();
}

void writeRasterFigure(VtkViewWidget& view, const std::string& path, const RasterOptions& raster) {
    if (requireFormat(path) != FigureFormat::Png)
        throw Error(path, "", "cannot be written as vector graphics from a 3D view (use .png)");
    savePng(grab(view, raster), path);
}

}  // namespace lngeom::widgets
