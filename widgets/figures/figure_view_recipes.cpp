#include "widgets/figures/figure_view_recipes.h"

#include "widgets/charts/histogram_view.h"
#include "widgets/charts/io_curve_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/charts/layer_heatmap_view.h"
#include "widgets/charts/massive_view.h"
#include "widgets/charts/norm_growth_view.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"
#include "widgets/ellipsoid/ellipsoid_view.h"
#include "widgets/figures/figure_scene.h"
#include "widgets/figures/figure_size.h"
#include "widgets/projection/projection_view.h"
#include "widgets/step_through/step_through_panel.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::widgets {
namespace {

std::optional<ViewFigure> baseFigure(DumpDocument* document, FigureView view,
                                     const QWidget* shown) {
    if (!document || document->state() != DumpDocument::State::Ready) return std::nullopt;
    ViewFigure figure{document, nullptr, {}};
    FigureRecipe& recipe = figure.recipe;
    recipe.file = document->path().toStdString();
    recipe.dataset = document->dataset().toStdString();
    recipe.view = view;
    recipe.site = document->info().sites[document->currentSite()].key;
    recipe.selection = document->selection()->set().to_vector();
    const FigureSize size =
        figureSizeOfView(view, document->info().sites.size(), shown->width(), shown->height());
    recipe.width = size.width;
    recipe.height = size.height;
    return figure;
}

// The compared dump, once its metrics are ready.
void addComparison(ViewFigure& figure, DumpDocument* comparison) {
    if (!comparison || comparison->state() != DumpDocument::State::Ready) return;
    figure.comparison = comparison;
    figure.recipe.compareFile = comparison->path().toStdString();
    figure.recipe.compareDataset = comparison->dataset().toStdString();
}

std::optional<ViewFigure> histogramFigure(const HistogramView& view) {
    auto figure = baseFigure(view.document(), FigureView::Histogram, view.chartView());
    if (!figure) return figure;
    const HistogramSettings& settings = view.settings();
    figure->recipe.metric = settings.metric;
    figure->recipe.bins = settings.bins;
    figure->recipe.range = settings.range;
    figure->recipe.logCounts = settings.logCounts;
    if (const auto& overlay = settings.overlay) {
        const auto& sites = view.document()->info().sites;
        figure->recipe.overlay = FigureOverlay{
            overlay->site ? sites[*overlay->site].key : std::string(), overlay->metric};
    }
    figure->recipe.barColour = view.barColour().name().toStdString();
    addComparison(*figure, view.comparisonDocument());
    return figure;
}

std::optional<ViewFigure> curvesFigure(const LayerCurvesView& view) {
    auto figure = baseFigure(view.document(), FigureView::Curves, view.chartView());
    if (!figure) return figure;
    figure->recipe.metric = view.settings().metric;
    figure->recipe.showSpread = view.settings().showSpread;
    figure->recipe.showExtremes = view.settings().showExtremes;
    // The dashed line at the current site helps on screen, not in a paper: left to the recipe.
    addComparison(*figure, view.comparisonDocument());
    return figure;
}

std::optional<ViewFigure> heatmapFigure(const LayerHeatmapView& view) {
    auto figure = baseFigure(view.document(), FigureView::Heatmap, view.chartView());
    if (!figure) return figure;
    figure->recipe.metric = view.settings().metric;
    figure->recipe.bins = view.settings().bins;
    figure->recipe.range = view.settings().range;
    figure->recipe.rowFractions = view.settings().rowFractions;
    return figure;
}

std::optional<ViewFigure> projectionFigure(const ProjectionView& view) {
    auto figure = baseFigure(view.document(), FigureView::Projection, view.sceneView());
    if (!figure) return figure;
    figure->recipe.projection = view.settings();
    // A view that has drawn its cloud has a camera the user may have turned; one not yet raised
    // leaves the figure its own.
    if (view.shownCloud()) figure->recipe.camera = view.sceneView()->cameraPose();
    return figure;
}

// The teaching mode draws no dump: no recipe draws it.
std::optional<ViewFigure> ellipsoidFigure(const EllipsoidView& view) {
    auto figure = baseFigure(view.document(), FigureView::Ellipsoid, view.sceneView());
    if (!figure || view.settings().teaching) return std::nullopt;
    figure->recipe.ellipsoid = view.settings();
    if (view.shownPicture()) figure->recipe.camera = view.sceneView()->cameraPose();
    return figure;
}

// The teaching mode walks a vector the user dragged, not tokens of the dump: no recipe draws it.
std::optional<ViewFigure> stepThroughFigure(const StepThroughPanel& panel) {
    auto figure = baseFigure(panel.document(), FigureView::Step, &panel);
    if (!figure || panel.teachingVector()) return std::nullopt;
    figure->recipe.tokens = panel.tokens();
    figure->recipe.step = panel.step();
    if (!panel.walked().empty()) figure->recipe.camera = panel.sceneView()->cameraPose();
    return figure;
}

}  // namespace

std::optional<ViewFigure> figureOfView(QWidget* view) {
    if (const auto* histogram = qobject_cast<HistogramView*>(view))
        return histogramFigure(*histogram);
    if (const auto* curves = qobject_cast<LayerCurvesView*>(view)) return curvesFigure(*curves);
    if (const auto* heatmap = qobject_cast<LayerHeatmapView*>(view)) return heatmapFigure(*heatmap);
    if (const auto* growth = qobject_cast<NormGrowthView*>(view))
        return baseFigure(growth->document(), FigureView::NormGrowth, growth->chartView());
    if (const auto* massive = qobject_cast<MassiveView*>(view)) {
        auto figure = baseFigure(massive->document(), FigureView::Massive, massive->chartView());
        if (figure) figure->recipe.massive = massive->thresholds();
        return figure;
    }
    if (const auto* curve = qobject_cast<IoCurveView*>(view)) {
        auto figure = baseFigure(curve->document(), FigureView::IoCurve, curve->chartView());
        if (figure) figure->recipe.ioCurve = curve->colouring();
        return figure;
    }
    if (const auto* ellipsoid = qobject_cast<EllipsoidView*>(view))
        return ellipsoidFigure(*ellipsoid);
    if (const auto* projection = qobject_cast<ProjectionView*>(view))
        return projectionFigure(*projection);
    if (const auto* stepThrough = qobject_cast<StepThroughPanel*>(view))
        return stepThroughFigure(*stepThrough);
    return std::nullopt;
}

}  // namespace lngeom::widgets
