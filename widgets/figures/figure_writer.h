#pragma once
// Writes what a view shows as a figure file, atomically; the format follows the extension, as
// matplotlib's savefig does: .png (raster at a scale), .svg, .pdf, .eps (vector, charts only:
// GL2PS turns chart items into paths and text; PDF is painted from that SVG).

#include <optional>
#include <string>

#include "widgets/figures/figure_chart_svg.h"

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

// .png, .svg (GL2PS), .pdf (GL2PS's SVG painted into a PDF with embedded fonts) or .eps (GL2PS,
// text in ASCII). lngeom::Error naming `path` for an unknown extension, an empty rendering, a
// failed write, or an EPS of a chart with an underlay.
void writeChartFigure(ChartView& chart, const std::string& path, const RasterOptions& raster,
                      const ChartUnderlay& underlay = {});
// PNG only: a 3D view rasterizes whatever the format.
void writeRasterFigure(VtkViewWidget& view, const std::string& path, const RasterOptions& raster);
// A figure drawn as SVG from its geometry (svg_text.h): written as it is (.svg), painted into a
// PDF (.pdf) or onto an image at the raster's scale (.png). lngeom::Error naming `path` for
// another extension or a failed write.
void writeSvgFigure(const std::string& svg, const std::string& path, const RasterOptions& raster);

}  // namespace lngeom::widgets
