#pragma once
// The cells of the heatmap and of the input–output curve's density for their SVG and PDF figures,
// drawn from the data: GL2PS exports the cell image (a vtkPlotHistogram2D) as a misplaced bitmap,
// or drops it from SVG, so the figure draws one rectangle per cell instead, in the colour and at
// the place the view draws it.

#include <Eigen/Core>

#include <string>

namespace lngeom::widgets {

class ChartView;
class IoCurveView;
class LayerHeatmapView;

// Cells of a regular grid over the chart's axes: values(row, column) spans [x_low + column·x_step,
// + x_step) × [y_low + row·y_step, + y_step), coloured as the heatmap colours them.
struct CellGrid {
    Eigen::MatrixXd values;
    double x_low = 0, x_step = 1, y_low = 0, y_step = 1;
};

// One <rect> per cell in the coordinates of GL2PS's SVG of the chart (window pixels, y down) and
// the colour bar's gradient; hides the image plot and the grid they replace. The chart must be
// laid out at its figure size (rendered once).
std::string cellGridSvg(ChartView& chart, const CellGrid& grid);

// One <rect> per cell (sites × bins) in the coordinates of GL2PS's SVG of the view's chart
// (window pixels, y down), and hides the image plot and the grid they replace. The chart must
// be laid out at its figure size (rendered once).
std::string heatmapCellsSvg(LayerHeatmapView& view);
// The input–output curve's density, the same way; coloured by token, its colour bar's gradient.
std::string ioCurveCellsSvg(IoCurveView& view);

}  // namespace lngeom::widgets
