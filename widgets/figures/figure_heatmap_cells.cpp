#include "widgets/figures/figure_heatmap_cells.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkPlotHistogram2D.h>
#include <vtkScalarsToColors.h>
#include <vtkVector.h>

#include <algorithm>
#include <sstream>

#include "widgets/charts/chart_colour_bar.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/io_curve_view.h"
#include "widgets/charts/layer_heatmap_view.h"

namespace lngeom::widgets {
namespace {

// Data values along one axis → scene coordinates along that axis.
class AxisScale {
  public:
    AxisScale(vtkAxis* axis, int component)
        : low_(axis->GetMinimum()),
          high_(axis->GetMaximum()),
          from_(axis->GetPosition1()[component]),
          to_(axis->GetPosition2()[component]) {}

    double operator()(double value) const {
        return from_ + (value - low_) / (high_ - low_) * (to_ - from_);
    }

  private:
    double low_, high_, from_, to_;
};

// The image goes, and so does the grid it covers on screen (GL2PS would draw it over the cells).
void hideCellImage(vtkChartXY* chart) {
    for (vtkIdType index = 0; index < chart->GetNumberOfPlots(); ++index)
        if (auto* image = vtkPlotHistogram2D::SafeDownCast(chart->GetPlot(index)))
            image->SetVisible(false);
    chart->GetAxis(vtkAxis::BOTTOM)->SetGridVisible(false);
    chart->GetAxis(vtkAxis::LEFT)->SetGridVisible(false);
}

// The colour bar's gradient, which GL2PS drops with the bar's image: bands from the highest
// value of its colours (top) to the lowest, where the bar stands. Nothing when no bar is shown.
std::string colourBarSvg(const ChartView& chart, double height) {
    vtkScalarsToColors* colours = chart.colourBar()->colours();
    if (!colours) return {};
    constexpr int kBands = 64;
    double rect[4], range[2], rgb[3];
    chart.colourBar()->barRect(rect);
    std::copy_n(colours->GetRange(), 2, range);
    std::ostringstream out;
    out.precision(6);
    const double band = rect[3] / kBands;
    for (int step = 0; step < kBands; ++step) {
        colours->GetColor(range[1] - (range[1] - range[0]) * (step + 0.5) / kBands, rgb);
        const std::string colour =
            QColor::fromRgbF(float(rgb[0]), float(rgb[1]), float(rgb[2])).name().toStdString();
        out << "<rect x=\"" << rect[0] << "\" y=\"" << height - rect[1] - rect[3] + step * band
            << "\" width=\"" << rect[2] << "\" height=\"" << band + 0.3 << "\" fill=\"" << colour
            << "\"/>\n";
    }
    return out.str();
}

}  // namespace

std::string cellGridSvg(ChartView& view, const CellGrid& grid) {
    const Eigen::MatrixXd& cells = grid.values;
    if (cells.size() == 0) return {};
    vtkChartXY* chart = view.chart();
    const AxisScale x(chart->GetAxis(vtkAxis::BOTTOM), 0);
    const AxisScale y(chart->GetAxis(vtkAxis::LEFT), 1);
    const double height = view.renderWindow()->GetSize()[1];
    const double highest = cells.maxCoeff();
    std::ostringstream out;
    out.precision(6);
    for (Index row = 0; row < cells.rows(); ++row)
        for (Index column = 0; column < cells.cols(); ++column) {
            const double left = x(grid.x_low + double(column) * grid.x_step);
            const double right = x(grid.x_low + double(column + 1) * grid.x_step);
            const double top = height - y(grid.y_low + double(row + 1) * grid.y_step);
            const double bottom = height - y(grid.y_low + double(row) * grid.y_step);
            const std::string colour =
                heatmapCellColour(cells(row, column), highest).name().toStdString();
            // The stroke in the fill's colour closes the hairline seams renderers leave between
            // abutting rectangles.
            out << "<rect x=\"" << left << "\" y=\"" << top << "\" width=\"" << right - left
                << "\" height=\"" << bottom - top << "\" fill=\"" << colour << "\" stroke=\""
                << colour << "\" stroke-width=\"0.3\"/>\n";
        }
    hideCellImage(chart);
    return out.str() + colourBarSvg(view, height);
}

std::string heatmapCellsSvg(LayerHeatmapView& view) {
    if (!view.bins()) return {};
    const HeatmapBins& bins = *view.bins();
    return cellGridSvg(*view.chartView(),
                       {view.cellValues(), bins.low, bins.bin_width(), -0.5, 1.0});
}

std::string ioCurveCellsSvg(IoCurveView& view) {
    if (!view.sample()) return {};
    if (view.colouring() != IoCurveColouring::Density)
        return colourBarSvg(*view.chartView(), view.chartView()->renderWindow()->GetSize()[1]);
    const Density2D& density = view.sample()->density;
    const Eigen::MatrixXd cells = view.cellValues();
    if (cells.size() == 0) return {};
    return cellGridSvg(
        *view.chartView(),
        {cells, density.x_low, (density.x_high - density.x_low) / double(cells.cols()),
         density.y_low, (density.y_high - density.y_low) / double(cells.rows())});
}

}  // namespace lngeom::widgets
