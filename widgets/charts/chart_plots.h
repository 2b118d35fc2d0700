#pragma once
// Plots the chart views add to a ChartView's vtkChartXY: stacked bars over bins, lines, and
// shaded bands, each from plain spans of doubles (NaN breaks lines and bands).

#include <QColor>

#include <initializer_list>
#include <span>
#include <string>
#include <utility>
#include <vector>

class vtkAxis;
class vtkChartXY;
class vtkPlot;
class vtkPlotArea;
class vtkPlotBar;
class vtkPlotLine;
class vtkPlotPoints;
class vtkScalarsToColors;

namespace lngeom::widgets {

// Bin i spans [edges[i], edges[i + 1]); layers[k][i] is segment k's height, stacked from k = 0.
struct StackedBars {
    std::span<const double> edges;
    std::vector<std::span<const double>> layers;
    std::vector<QColor> colours;  // one per layer
};

vtkPlotBar* addStackedBars(vtkChartXY* chart, const StackedBars& bars);

struct LineStyle {
    QColor colour;
    float width = 2.0f;
    bool dashed = false;
};

vtkPlotLine* addLine(vtkChartXY* chart, std::span<const double> xs, std::span<const double> ys,
                     const LineStyle& style);
// A curve over the sites: addLine, or a marker at each point when there are fewer than two (a
// dump of one site), which VTK cannot draw as a line.
vtkPlot* addSiteCurve(vtkChartXY* chart, std::span<const double> xs, std::span<const double> ys,
                      const LineStyle& style);
// Square markers of `size` pixels at the points (xs, ys), in `colour`, or, with `colours`, each
// in the colour `colours` gives its value in `values` (one per point).
struct PointStyle {
    QColor colour;
    float size = 3.0f;
    vtkScalarsToColors* colours = nullptr;
    std::span<const double> values;
};
vtkPlotPoints* addPoints(vtkChartXY* chart, std::span<const double> xs, std::span<const double> ys,
                         const PointStyle& style);
// A vertical line at x from y = 0 to y = top.
vtkPlotLine* addVerticalLine(vtkChartXY* chart, double x, double top, const LineStyle& style);
// A histogram's outline: a step line along the tops of the bins.
vtkPlotLine* addStairs(vtkChartXY* chart, std::span<const double> edges,
                       std::span<const double> heights, const LineStyle& style);
// The area between lower and upper, filled with `colour` (its alpha included).
vtkPlotArea* addBand(vtkChartXY* chart, std::span<const double> xs, std::span<const double> lower,
                     std::span<const double> upper, const QColor& colour);

// 0, 1, …, count − 1: the x of the sites in forward order.
std::vector<double> sitePositions(std::size_t count);
// log10 of each value for a logarithmic axis (ChartView::setLogarithmic); NaN where a value is
// not positive or not finite, which breaks the line there.
std::vector<double> log10Values(std::span<const double> values);
// The lowest and highest finite value over several series, widened by 5 % (by ±1 when all are
// equal); {0, 1} without any.
std::pair<double, double> paddedExtent(std::initializer_list<std::span<const double>> series);

// addBand over each run of two or more consecutive points where both bounds are finite: the
// vector export (GL2PS) draws a band through a NaN off the plot. Returns the first band, which
// keeps its legend entry (nullptr when there is none); the others have none. `corner`: the
// chart's corner of axes (vtkChartXY::SetPlotCorner; 1 for the right axis).
vtkPlotArea* addBandRuns(vtkChartXY* chart, std::span<const double> xs,
                         std::span<const double> lower, std::span<const double> upper,
                         const QColor& colour, int corner = 0);

// Title, fonts and a fixed range (the chart's own pan and zoom still move it).
void setFixedAxis(vtkAxis* axis, const std::string& title, double minimum, double maximum);

}  // namespace lngeom::widgets
