#include "widgets/figure_writer.h"

#include <QImage>

#include <filesystem>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "widgets/chart_view.h"
#include "widgets/figure_pdf_text.h"
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

}  // namespace

std::optional<FigureFormat> figureFormatOf(const std::string& path) {
    const std::string extension = std::filesystem::path(path).extension().string();
    if (extension == ".png") return FigureFormat::Png;
    if (extension == ".svg") return FigureFormat::Svg;
    if (extension == ".pdf") return FigureFormat::Pdf;
    if (extension == ".eps") return FigureFormat::Eps;
    return std::nullopt;
}

void writeChartFigure(ChartView& chart, const std::string& path, const RasterOptions& raster) {
    const FigureFormat format = requireFormat(path);
    if (format == FigureFormat::Png) return savePng(grab(chart, raster), path);
    AtomicFile file(path);
    // The first grab sizes VTK's window to the widget, which a never-shown widget has not done.
    if (chart.grabImage(1.0).isNull())
        throw Error(path, "", "cannot be written: the view has nothing to draw");
    std::optional<AsciiChartText> asciiText;
    if (format == FigureFormat::Pdf || format == FigureFormat::Eps)
        asciiText.emplace(chart.chart());
    if (!chart.exportVector(QString::fromStdString(file.temporary_path())))
        throw Error(path, "", "cannot be written: the vector export wrote nothing");
    file.commit();
}

void writeRasterFigure(VtkViewWidget& view, const std::string& path, const RasterOptions& raster) {
    if (requireFormat(path) != FigureFormat::Png)
        throw Error(path, "", "cannot be written as vector graphics from a 3D view (use .png)");
    savePng(grab(view, raster), path);
}

}  // namespace lngeom::widgets
