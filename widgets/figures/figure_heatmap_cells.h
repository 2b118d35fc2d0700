#pragma once
// The heatmap's cells for its SVG and PDF figures, drawn from the data: GL2PS exports the cell
// image (a vtkPlotHistogram2D) as a misplaced bitmap, or drops it from SVG, so the figure draws
// one rectangle per cell instead, in the colour and at the place the view draws it.

#include <string>

namespace lngeom::widgets {

class LayerHeatmapView;

// One <rect> per cell (sites × bins) in the coordinates of GL2PS's SVG of the view's chart
// (window pixels, y down), and hides the image plot and the grid they replace. The chart must
// be laid out at its figure size (rendered once).
std::string heatmapCellsSvg(LayerHeatmapView& view);

}  // namespace lngeom::widgets
