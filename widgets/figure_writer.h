#pragma once
// Writes what a view shows as a figure file, atomically; the format follows the extension, as
// matplotlib's savefig does: .png (raster at a scale), .svg, .pdf, .eps (vector, charts only:
// GL2PS turns chart items into paths and text).

#include <optional>
#include <string>

namespace lngeom::widgets {

class ChartView;
class VtkViewWidget;

enum class FigureFormat { Png, Svg, Pdf, Eps };

// nullopt for an extension lngeom does not write (extensions are lower case, as GL2PS wants).
std::optional<FigureFormat> figureFormatOf(const std::string& path);

struct RasterOptions {
    double scale = 2.0;
    bool transparent = false;
};

// lngeom::Error naming `path` for an unknown extension, an empty rendering, or a failed write.
void writeChartFigure(ChartView& chart, const std::string& path, const RasterOptions& raster);
// PNG only: a 3D view rasterizes whatever the format.
void writeRasterFigure(VtkViewWidget& view, const std::string& path, const RasterOptions& raster);

}  // namespace lngeom::widgets
