#pragma once
// A chart as SVG through GL2PS, with its text as the chart has it: VTK hands GL2PS strings
// beyond Latin-1 or holding '|' as glyph outlines, so every such text goes to GL2PS as an ASCII
// placeholder and comes back into the SVG as UTF-8 text. What GL2PS cannot export (the
// heatmap's image of cells) comes in as an underlay drawn from the data.

#include <functional>
#include <string>

namespace lngeom::widgets {

class ChartView;

// SVG elements drawn beneath a chart's own, for what GL2PS cannot export. Called once the
// chart is laid out at the figure's size, just before the vector export; it may hide the plots
// it replaces.
using ChartUnderlay = std::function<std::string()>;

// The chart's SVG (its <title> named after `path`'s stem); lngeom::Error naming `path` when
// GL2PS writes nothing.
std::string chartSvg(ChartView& chart, const std::string& path, const ChartUnderlay& underlay);

}  // namespace lngeom::widgets
