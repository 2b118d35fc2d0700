#include "widgets/charts/chart_plots.h"

#include <vtkAxis.h>
#include <vtkBrush.h>
#include <vtkChartXY.h>
#include <vtkColorSeries.h>
#include <vtkDoubleArray.h>
#include <vtkPen.h>
#include <vtkPlotArea.h>
#include <vtkPlotBar.h>
#include <vtkPlotLine.h>
#include <vtkPlotPoints.h>
#include <vtkScalarsToColors.h>
#include <vtkTable.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace lngeom::widgets {
namespace {

void addColumn(vtkTable* table, const std::string& name, std::span<const double> values) {
    vtkNew<vtkDoubleArray> column;
    column->SetName(name.c_str());
    for (double value : values) column->InsertNextValue(value);
    table->AddColumn(column);
}

std::vector<double> binCentres(std::span<const double> edges) {
    std::vector<double> centres;
    for (std::size_t bin = 0; bin + 1 < edges.size(); ++bin)
        centres.push_back(0.5 * (edges[bin] + edges[bin + 1]));
    return centres;
}

vtkColor3ub rgb(const QColor& colour) {
    return {static_cast<unsigned char>(colour.red()), static_cast<unsigned char>(colour.green()),
            static_cast<unsigned char>(colour.blue())};
}

// VTK 9.1's vtkPlotArea paints a strip only when it has more than two x values, so a band over
// two sites drew nothing; the midpoint of each column keeps the same straight-edged shape.
std::vector<double> withMidpoint(std::span<const double> values) {
    if (values.size() != 2) return {values.begin(), values.end()};
    return {values[0], 0.5 * (values[0] + values[1]), values[1]};
}

// A plot of `kind` (vtkChart::LINE, POINTS) through the points (xs, ys) in `colour`.
vtkPlot* addPointsPlot(vtkChartXY* chart, int kind, std::span<const double> xs,
                       std::span<const double> ys, const QColor& colour) {
    vtkNew<vtkTable> table;
    addColumn(table, "x", xs);
    addColumn(table, "y", ys);
    vtkPlot* plot = chart->AddPlot(kind);
    plot->SetInputData(table, 0, 1);
    plot->SetColor(colour.red(), colour.green(), colour.blue(), colour.alpha());
    return plot;
}

}  // namespace

vtkPlotBar* addStackedBars(vtkChartXY* chart, const StackedBars& bars) {
    if (bars.layers.empty() || bars.layers.size() != bars.colours.size() ||
        bars.edges.size() != bars.layers.front().size() + 1)
        throw std::invalid_argument(
            "addStackedBars: one colour per layer, one more edge than bins");
    vtkNew<vtkTable> table;
    addColumn(table, "bin centre", binCentres(bars.edges));
    for (std::size_t layer = 0; layer < bars.layers.size(); ++layer)
        addColumn(table, "layer " + std::to_string(layer), bars.layers[layer]);
    auto* plot = vtkPlotBar::SafeDownCast(chart->AddPlot(vtkChart::BAR));
    plot->SetInputData(table, 0, 1);
    for (std::size_t layer = 1; layer < bars.layers.size(); ++layer)
        plot->SetInputArray(int(layer) + 1, "layer " + std::to_string(layer));
    vtkNew<vtkColorSeries> colours;
    colours->ClearColors();
    for (const QColor& colour : bars.colours) colours->AddColor(rgb(colour));
    plot->SetColorSeries(colours);
    return plot;
}

vtkPlotLine* addLine(vtkChartXY* chart, std::span<const double> xs, std::span<const double> ys,
                     const LineStyle& style) {
    auto* plot =
        vtkPlotLine::SafeDownCast(addPointsPlot(chart, vtkChart::LINE, xs, ys, style.colour));
    plot->SetWidth(style.width);
    plot->GetPen()->SetLineType(style.dashed ? vtkPen::DASH_LINE : vtkPen::SOLID_LINE);
    return plot;
}

vtkPlot* addSiteCurve(vtkChartXY* chart, std::span<const double> xs, std::span<const double> ys,
                      const LineStyle& style) {
    if (xs.size() >= 2) return addLine(chart, xs, ys, style);
    auto* plot =
        vtkPlotPoints::SafeDownCast(addPointsPlot(chart, vtkChart::POINTS, xs, ys, style.colour));
    plot->SetMarkerStyle(style.dashed ? vtkPlotPoints::DIAMOND : vtkPlotPoints::CIRCLE);
    plot->SetMarkerSize(4 * style.width);
    return plot;
}

vtkPlotPoints* addPoints(vtkChartXY* chart, std::span<const double> xs, std::span<const double> ys,
                         const PointStyle& style) {
    auto* plot =
        vtkPlotPoints::SafeDownCast(addPointsPlot(chart, vtkChart::POINTS, xs, ys, style.colour));
    // Squares: GL2PS writes each as four corners, where a circle is a many-sided polygon.
    plot->SetMarkerStyle(vtkPlotPoints::SQUARE);
    plot->SetMarkerSize(style.size);
    if (!style.colours) return plot;
    addColumn(plot->GetInput(), "value", style.values);
    plot->SetLookupTable(style.colours);
    plot->SelectColorArray("value");
    plot->SetScalarVisibility(true);
    return plot;
}

vtkPlotLine* addVerticalLine(vtkChartXY* chart, double x, double top, const LineStyle& style) {
    const double xs[] = {x, x};
    const double ys[] = {0.0, top};
    return addLine(chart, xs, ys, style);
}

vtkPlotLine* addStairs(vtkChartXY* chart, std::span<const double> edges,
                       std::span<const double> heights, const LineStyle& style) {
    std::vector<double> xs, ys;
    for (std::size_t bin = 0; bin < heights.size(); ++bin) {
        xs.insert(xs.end(), {edges[bin], edges[bin + 1]});
        ys.insert(ys.end(), {heights[bin], heights[bin]});
    }
    return addLine(chart, xs, ys, style);
}

vtkPlotArea* addBand(vtkChartXY* chart, std::span<const double> xs, std::span<const double> lower,
                     std::span<const double> upper, const QColor& colour) {
    vtkNew<vtkTable> table;
    addColumn(table, "x", withMidpoint(xs));
    addColumn(table, "lower", withMidpoint(lower));
    addColumn(table, "upper", withMidpoint(upper));
    auto* plot = vtkPlotArea::SafeDownCast(chart->AddPlot(vtkChart::AREA));
    plot->SetInputData(table);
    plot->SetInputArray(0, "x");
    plot->SetInputArray(1, "lower");
    plot->SetInputArray(2, "upper");
    plot->GetBrush()->SetColor(colour.red(), colour.green(), colour.blue(), colour.alpha());
    plot->GetPen()->SetOpacity(0);
    return plot;
}

void setFixedAxis(vtkAxis* axis, const std::string& title, double minimum, double maximum) {
    axis->SetTitle(title);
    axis->GetTitleProperties()->SetFontSize(14);
    axis->GetLabelProperties()->SetFontSize(12);
    axis->SetRange(minimum, maximum);
    axis->SetBehavior(vtkAxis::FIXED);
}

vtkPlotArea* addBandRuns(vtkChartXY* chart, std::span<const double> xs,
                         std::span<const double> lower, std::span<const double> upper,
                         const QColor& colour, int corner) {
    const auto finite = [&](std::size_t i) {
        return std::isfinite(lower[i]) && std::isfinite(upper[i]);
    };
    vtkPlotArea* first = nullptr;
    for (std::size_t begin = 0; begin < xs.size();) {
        if (!finite(begin)) {
            ++begin;
            continue;
        }
        std::size_t end = begin;
        while (end < xs.size() && finite(end)) ++end;
        if (end - begin >= 2) {
            const std::size_t count = end - begin;
            vtkPlotArea* band =
                addBand(chart, xs.subspan(begin, count), lower.subspan(begin, count),
                        upper.subspan(begin, count), colour);
            chart->SetPlotCorner(band, corner);
            if (first)
                band->SetLegendVisibility(false);
            else
                first = band;
        }
        begin = end;
    }
    return first;
}

std::vector<double> sitePositions(std::size_t count) {
    std::vector<double> xs(count);
    for (std::size_t i = 0; i < count; ++i) xs[i] = double(i);
    return xs;
}

std::vector<double> log10Values(std::span<const double> values) {
    std::vector<double> logs;
    logs.reserve(values.size());
    for (double value : values)
        logs.push_back(value > 0 && std::isfinite(value)
                           ? std::log10(value)
                           : std::numeric_limits<double>::quiet_NaN());
    return logs;
}

std::pair<double, double> paddedExtent(std::initializer_list<std::span<const double>> series) {
    double low = INFINITY, high = -INFINITY;
    for (std::span<const double> values : series)
        for (double value : values)
            if (std::isfinite(value)) {
                low = std::min(low, value);
                high = std::max(high, value);
            }
    if (!(low <= high)) return {0.0, 1.0};
    const double pad = high > low ? 0.05 * (high - low) : 1.0;
    return {low - pad, high + pad};
}

}  // namespace lngeom::widgets
