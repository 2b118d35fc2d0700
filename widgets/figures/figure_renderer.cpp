#include "widgets/figures/figure_renderer.h"

#include <vtkChartXY.h>
#include <vtkStdString.h>
#include <QColor>

#include <algorithm>
#include <filesystem>

#include "core/errors.h"
#include "core/io/atomic_file.h"
#include "core/reports/metrics_export.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/charts/io_curve_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/charts/layer_heatmap_view.h"
#include "widgets/charts/massive_view.h"
#include "widgets/charts/norm_growth_view.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"
#include "widgets/figures/figure_captions.h"
#include "widgets/figures/figure_heatmap_cells.h"
#include "widgets/figures/figure_scene.h"
#include "widgets/figures/figure_size.h"
#include "widgets/figures/figure_style.h"
#include "widgets/figures/figure_writer.h"
#include "widgets/figures/histogram_grid_svg.h"

namespace lngeom::widgets {
namespace {

RasterOptions rasterOf(const FigureRecipe& recipe) { return {recipe.scale, recipe.transparent}; }

// The recipe with its view's default size where it gives none.
FigureRecipe withSize(FigureRecipe recipe, std::size_t sites) {
    const FigureSize size = defaultFigureSize(recipe.view, sites);
    if (recipe.width <= 0) recipe.width = size.width;
    if (recipe.height <= 0) recipe.height = size.height;
    return recipe;
}

// Makes the recipe's site current; RequestError when the dump has no such site.
void selectSite(DumpDocument& document, const FigureRecipe& recipe) {
    const SiteIndex site = recipe.site.empty() ? 0 : find_site(document.info(), recipe.site);
    document.setCurrentSite(site);
}

// The recipe's selected tokens (drawn in every view); RequestError for a token
// the site lacks.
void selectTokens(DumpDocument& document, const FigureRecipe& recipe) {
    requireTokensOfCurrentSite(document, recipe.selection, " to select");
    document.selection()->setTokens(recipe.selection);
}

void requireMetricAtCurrentSite(const DumpDocument& document, Metric metric) {
    const SiteInfo& site = document.info().sites[document.currentSite()];
    const MetricDescription& description = describe(metric);
    if (description.needs_output && !site.has_output)
        throw RequestError(document.info().path, "/norms/" + site.key,
                           "has no output, so no " + std::string(description.key));
}

// Views over every site need the metric at one site at least.
void requireMetricSomewhere(const DumpDocument& document, Metric metric) {
    const MetricDescription& description = describe(metric);
    const auto& sites = document.info().sites;
    if (description.needs_output &&
        std::none_of(sites.begin(), sites.end(), [](const SiteInfo& s) { return s.has_output; }))
        throw RequestError(document.info().path, "",
                           "has no site with its output, so no " + std::string(description.key));
}

FigureRecipe writeStyledChart(ChartView& chart, const DumpDocument& document,
                              const FigureRecipe& recipe, const std::string& path,
                              const ChartUnderlay& underlay = {}) {
    chart.setFollowsPalette(false);  // paper colours whatever the window's theme
    // A view's minimum keeps its plot readable in a laptop's dock; a figure has its own size.
    chart.setMinimumSize(0, 0);
    chart.resize(recipe.width, recipe.height);
    chart.settleLayout();
    vtkChartXY* xy = chart.chart();
    applyPublicationStyle(
        xy, captionTitle(figureModelName(document), document.displayName().toStdString(),
                         chart.fullTitle()));
    writeChartFigure(chart, path, rasterOf(recipe), underlay);
    return recipe;
}

std::optional<HistogramOverlay> overlayOf(const DumpDocument& document,
                                          const FigureRecipe& recipe) {
    if (!recipe.overlay) return std::nullopt;
    const std::string& site = recipe.overlay->site;
    return HistogramOverlay{
        site.empty() ? std::nullopt : std::optional(find_site(document.info(), site)),
        recipe.overlay->metric};
}

FigureRecipe renderHistogram(const FigureDocuments& documents, const FigureRecipe& recipe,
                             const std::string& path) {
    DumpDocument& document = documents.document;
    requireMetricAtCurrentSite(document, recipe.metric);
    HistogramView view;
    view.setDocument(&document);
    view.setComparisonDocument(documents.comparison);
    if (!recipe.barColour.empty())
        view.setColours(QColor(QString::fromStdString(recipe.barColour)), view.comparisonColour());
    view.setSettings(
        {recipe.metric, recipe.bins, recipe.range, recipe.logCounts, overlayOf(document, recipe)});
    return writeStyledChart(*view.chartView(), document, recipe, path);
}

FigureRecipe renderCurves(const FigureDocuments& documents, const FigureRecipe& recipe,
                          const std::string& path) {
    DumpDocument& document = documents.document;
    requireMetricSomewhere(document, recipe.metric);
    LayerCurvesView view;
    view.setDocument(&document);
    view.setComparisonDocument(documents.comparison);
    LayerCurvesSettings settings;
    settings.metric = recipe.metric;
    settings.showSpread = recipe.showSpread;
    settings.showExtremes = recipe.showExtremes;
    settings.showCurrentSite = recipe.markCurrentSite;
    view.setSettings(settings);
    return writeStyledChart(*view.chartView(), document, recipe, path);
}

FigureRecipe renderHeatmap(DumpDocument& document, const FigureRecipe& recipe,
                           const std::string& path) {
    requireMetricSomewhere(document, recipe.metric);
    LayerHeatmapView view;
    view.setDocument(&document);
    LayerHeatmapSettings settings;
    settings.metric = recipe.metric;
    settings.bins = recipe.bins;
    settings.range = recipe.range;
    settings.rowFractions = recipe.rowFractions;
    view.setSettings(settings);
    return writeStyledChart(*view.chartView(), document, recipe, path,
                            [&view] { return heatmapCellsSvg(view); });
}

// A view over the sites that reads the dump on its worker (NormGrowthView, MassiveView), here
// on the calling thread.
template <typename View>
FigureRecipe renderSiteChart(DumpDocument& document, const FigureRecipe& recipe,
                             const std::string& path) {
    View view;
    view.setDocument(&document);
    view.computeNow();
    return writeStyledChart(*view.chartView(), document, recipe, path);
}

FigureRecipe renderMassive(DumpDocument& document, const FigureRecipe& recipe,
                           const std::string& path) {
    MassiveView view;
    view.setDocument(&document);
    view.setThresholds(recipe.massive);
    view.computeNow();
    return writeStyledChart(*view.chartView(), document, recipe, path);
}

// The input–output curve at the recipe's site; RequestError naming the site when none of its
// tokens can be standardized (no tokens, or only constant or non-finite ones).
FigureRecipe renderIoCurve(DumpDocument& document, const FigureRecipe& recipe,
                           const std::string& path) {
    IoCurveView view;
    view.setDocument(&document);
    view.setColouring(recipe.ioCurve);
    view.computeNow();
    if (!view.sample() || view.sample()->fit.points == 0) {
        const SiteInfo& site = document.info().sites[document.currentSite()];
        throw RequestError(document.info().path, "/norms/" + site.key,
                           "has " + std::to_string(site.n_tokens) +
                               " tokens and none with a standardization (finite, and not "
                               "constant with eps = 0), so no input-output curve");
    }
    return writeStyledChart(*view.chartView(), document, recipe, path,
                            [&view] { return ioCurveCellsSvg(view); });
}

}  // namespace

FigureRecipe renderFigure(const FigureDocuments& documents, const FigureRecipe& recipe,
                          const std::string& path) {
    DumpDocument& document = documents.document;
    selectSite(document, recipe);
    selectTokens(document, recipe);
    const FigureRecipe sized = withSize(recipe, document.info().sites.size());
    switch (recipe.view) {
        case FigureView::Histogram:
            return renderHistogram(documents, sized, path);
        case FigureView::Curves:
            return renderCurves(documents, sized, path);
        case FigureView::Heatmap:
            return renderHeatmap(document, sized, path);
        case FigureView::Projection:
            return renderProjection(document, sized, path);
        case FigureView::Histograms:
            requireMetricSomewhere(document, sized.metric);
            return renderHistogramGrid(document, sized, path);
        case FigureView::NormGrowth:
            return renderSiteChart<NormGrowthView>(document, sized, path);
        case FigureView::Massive:
            return renderMassive(document, sized, path);
        case FigureView::IoCurve:
            return renderIoCurve(document, sized, path);
        case FigureView::Ellipsoid:
            return renderEllipsoid(document, sized, path);
        case FigureView::Step:
            break;
    }
    return renderStepThrough(document, sized, path);
}

void renderFigureWithRecipe(const FigureDocuments& documents, const FigureRecipe& recipe,
                            const std::string& path) {
    FigureRecipe drawn = renderFigure(documents, recipe, path);
    drawn.file = std::filesystem::absolute(drawn.file).string();
    if (!drawn.compareFile.empty())
        drawn.compareFile = std::filesystem::absolute(drawn.compareFile).string();
    write_file_atomically(recipePathFor(path), recipeToJson(drawn).toStdString());
}

}  // namespace lngeom::widgets
