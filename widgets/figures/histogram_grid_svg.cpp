#include "widgets/figures/histogram_grid_svg.h"

#include <QColor>

#include <algorithm>
#include <cmath>

#include "core/charts/axis_ticks.h"
#include "core/charts/layer_heatmap.h"
#include "core/charts/site_labels.h"
#include "widgets/document/dump_document.h"
#include "widgets/figures/figure_captions.h"
#include "widgets/figures/figure_writer.h"
#include "widgets/figures/svg_text.h"

namespace lngeom::widgets {
namespace {

constexpr double kMargin = 8;
constexpr int kMostColumns = 12;
const char* const kBarColour = "#466ebe";  // the histogram view's blue
const char* const kMeanColour = "#141414";

// Every site's per-token columns (read on demand), null for a site without `metric`.
std::vector<std::shared_ptr<const ColumnSource>> siteColumns(const DumpDocument& document,
                                                             Metric metric) {
    std::vector<std::shared_ptr<const ColumnSource>> sites;
    for (SiteIndex site = 0; site < document.info().sites.size(); ++site) {
        auto columns = document.metrics().columns(site);
        sites.push_back(columns && columns->has(metric) ? std::move(columns) : nullptr);
    }
    return sites;
}

// Columns and rows of panels for `count` sites on a page of this shape: panels about 4:3.
std::pair<int, int> gridOf(int count, double width, double height) {
    int bestColumns = 1;
    double bestScore = -1;
    for (int columns = 1; columns <= std::min(count, kMostColumns); ++columns) {
        const int rows = (count + columns - 1) / columns;
        const double panelWidth = width / columns, panelHeight = height / rows;
        const double shape =
            std::min(panelWidth / (1.33 * panelHeight), 1.33 * panelHeight / panelWidth);
        const double score = shape * std::min(panelWidth, 1.33 * panelHeight);
        if (score > bestScore) {
            bestScore = score;
            bestColumns = columns;
        }
    }
    return {bestColumns, (count + bestColumns - 1) / bestColumns};
}

struct Panel {
    double left, top, width, height;  // the plot area
};

std::string rect(double x, double y, double width, double height, const std::string& style) {
    return "<rect x=\"" + svgNumber(x) + "\" y=\"" + svgNumber(y) + "\" width=\"" +
           svgNumber(width) + "\" height=\"" + svgNumber(height) + "\" " + style + "/>\n";
}

std::string line(double x1, double y1, double x2, double y2, const std::string& style) {
    return "<polyline fill=\"none\" " + style + " points=\"" + svgNumber(x1) + "," + svgNumber(y1) +
           " " + svgNumber(x2) + "," + svgNumber(y2) + "\"/>\n";
}

// One site's bars, scaled to the panel's tallest bar, its frame and mean.
std::string panelSvg(const Panel& panel, const Eigen::RowVectorXd& fractions, double low,
                     double high, const Summary& summary) {
    std::string out;
    const double tallest = std::max(fractions.maxCoeff(), 1e-12);
    const double binWidth = panel.width / double(fractions.size());
    const std::string bar = "fill=\"" + std::string(kBarColour) + "\"";
    for (Index bin = 0; bin < fractions.size(); ++bin) {
        const double height = panel.height * fractions(bin) / tallest * 0.92;
        if (height > 0)
            out += rect(panel.left + double(bin) * binWidth, panel.top + panel.height - height,
                        binWidth + 0.05, height, bar);
    }
    if (summary.count > 0 && std::isfinite(summary.mean) && summary.mean >= low &&
        summary.mean <= high) {
        const double x = panel.left + (summary.mean - low) / (high - low) * panel.width;
        out += line(x, panel.top, x, panel.top + panel.height,
                    "stroke=\"" + std::string(kMeanColour) + "\" stroke-width=\"0.8\"");
    }
    return out + rect(panel.left, panel.top, panel.width, panel.height,
                      "fill=\"none\" stroke=\"#000\" stroke-width=\"0.6\"");
}

// The labels of `ticks` laid side by side need this much width (points), a gap between each.
double labelsWidth(const AxisTicks& ticks, const SvgTextStyle& style) {
    double total = 0;
    for (const std::string& label : ticks.labels)
        total += svgTextWidth(label, style) + 0.6 * style.points;
    return total;
}

// Ticks for panels `width` wide: as many as their labels allow; none labelled (`labelled`
// false) when even the two ends do not fit, and the axis title then gives the range.
AxisTicks panelTicks(double width, double low, double high, const SvgTextStyle& style,
                     bool& labelled) {
    int most = std::clamp(int(width / (2.2 * style.points)), 2, 6);
    AxisTicks ticks = axis_ticks(low, high, most);
    while (most > 2 && labelsWidth(ticks, style) > width) ticks = axis_ticks(low, high, --most);
    labelled = labelsWidth(ticks, style) <= width;
    return ticks;
}

// Tick marks under one panel of the bottom row, with their labels when `labelled`.
std::string ticksSvg(const Panel& panel, const AxisTicks& ticks, double low, double high,
                     const SvgTextStyle& style, bool labelled) {
    std::string out;
    const double bottom = panel.top + panel.height;
    for (std::size_t tick = 0; tick < ticks.positions.size(); ++tick) {
        const double x = panel.left + (ticks.positions[tick] - low) / (high - low) * panel.width;
        out += line(x, bottom, x, bottom + 2.5, "stroke=\"#000\" stroke-width=\"0.6\"");
        if (!labelled) continue;
        // A label at an edge of the panel stays above it, clear of the next panel's.
        SvgTextStyle at = style;
        const double width = svgTextWidth(ticks.labels[tick], style);
        if (x - width / 2 < panel.left) at.anchor = "start";
        if (x + width / 2 > panel.left + panel.width) at.anchor = "end";
        out += svgText(x, bottom + 2.5 + style.points, ticks.labels[tick], at);
    }
    return out;
}

}  // namespace

namespace {

// Text sizes shrink with the panels: titles and ticks a little under a sixth of a panel's height.
double panelPoints(double panelHeight) { return std::clamp(panelHeight / 6.5, 5.5, 9.0); }

struct Layout {
    int columns = 1;
    int rows = 1;
    double left = 0, top = 0;  // the first panel's plot area
    double width = 0, height = 0;
    double columnStep = 0, rowStep = 0;
    double points = 8;  // panel titles and ticks
};

// The grid below the title and above the axis title, with room above each panel for its title
// and between panels for the bottom row's end ticks.
Layout layoutOf(int count, double width, double top, double bottom) {
    Layout layout;
    const double available = bottom - top;
    std::tie(layout.columns, layout.rows) = gridOf(count, width - 2 * kMargin - 14, available);
    const double cell = available / layout.rows;
    layout.points = panelPoints(cell);
    const double gap = 1.2 * layout.points;
    const double titleRoom = svgLineHeight({.points = layout.points}) + 1;
    layout.left = kMargin + 16;  // the y axis title's room
    layout.columnStep = (width - layout.left - kMargin + gap) / layout.columns;
    layout.width = layout.columnStep - gap;
    layout.rowStep = cell;
    layout.top = top + titleRoom;
    layout.height = cell - titleRoom - 3;
    return layout;
}

}  // namespace

std::string histogramGridSvg(const DumpDocument& document, const FigureRecipe& recipe) {
    const auto& sites = document.info().sites;
    const auto columns = siteColumns(document, recipe.metric);
    const ValueRange range =
        recipe.range.value_or(default_layer_range(recipe.metric, document.metrics().summaries()));
    const HeatmapBins bins =
        heatmap_bins(columns, recipe.metric, range.low, range.high, recipe.bins);
    const Eigen::MatrixXd fractions = row_fractions(bins.counts);
    const double width = recipe.width, height = recipe.height;
    const std::string label(describe(recipe.metric).label);
    constexpr SvgTextStyle kTitle{.points = 12, .bold = true};
    std::string svg = svgOpening(width, height);
    double baseline = kMargin + 0.8 * svgLineHeight(kTitle);
    const std::string title = figureModelName(document) + ": " + label + " at every site (" +
                              std::to_string(sites.size()) + "), fraction of each site's tokens";
    for (const std::string& text : svgFittedLines(title, width - 2 * kMargin, 2, kTitle)) {
        svg += svgText(kMargin, baseline, text, kTitle);
        baseline += svgLineHeight(kTitle);
    }
    const SvgTextStyle axisTitle{.points = 10, .anchor = "middle"};
    const double top = baseline - 0.8 * svgLineHeight(kTitle) + 4;
    const double bottom = height - kMargin - 2 * svgLineHeight(axisTitle) - 4;
    const Layout layout = layoutOf(int(sites.size()), width, top, bottom);
    const SvgTextStyle panelTitle{.points = layout.points, .anchor = "middle"};
    bool labelled = true;
    const AxisTicks ticks = panelTicks(layout.width, range.low, range.high, panelTitle, labelled);
    for (int site = 0; site < int(sites.size()); ++site) {
        const int row = site / layout.columns, column = site % layout.columns;
        const Panel panel{layout.left + column * layout.columnStep,
                          layout.top + row * layout.rowStep, layout.width, layout.height};
        const std::size_t at = std::size_t(site);
        svg += panelSvg(panel, fractions.row(site), range.low, range.high,
                        columns[at] ? document.metrics().summary(at, recipe.metric) : Summary{});
        const std::string name =
            svgFittedLines(site_label(sites[at]), panel.width, 1, panelTitle)[0];
        svg += svgText(panel.left + panel.width / 2, panel.top - 2, name, panelTitle);
        const bool lastInColumn = site + layout.columns >= int(sites.size());
        if (lastInColumn)
            svg += ticksSvg(panel, ticks, range.low, range.high, panelTitle, labelled);
    }
    std::string xTitle = ticks.note.empty() ? label : label + "   " + ticks.note;
    if (!labelled)
        xTitle += ", " + svgNumber(range.low) + " to " + svgNumber(range.high) + " in every panel";
    xTitle = svgFittedLines(xTitle, width - 2 * kMargin, 1, axisTitle).front();
    svg += svgText(width / 2, height - kMargin - 2, xTitle, axisTitle);
    SvgTextStyle yTitle = axisTitle;
    yTitle.rotation = -90;
    svg +=
        svgText(kMargin + 8, (layout.top + bottom) / 2, "fraction of tokens (each panel)", yTitle);
    return svg + "</svg>\n";
}

FigureRecipe renderHistogramGrid(const DumpDocument& document, const FigureRecipe& recipe,
                                 const std::string& path) {
    writeSvgFigure(histogramGridSvg(document, recipe), path, {recipe.scale, recipe.transparent});
    return recipe;
}

}  // namespace lngeom::widgets
