#pragma once
// The recipe of the figure a view on screen shows: its dump, current site and settings (and, for
// the 3D view, its camera), so that exporting draws what the user sees.

#include <optional>

#include "widgets/figures/figure_recipe.h"

class QWidget;

namespace lngeom::widgets {

class DumpDocument;

struct ViewFigure {
    DumpDocument* document = nullptr;
    FigureRecipe recipe;
};

// For a HistogramView, LayerCurvesView, LayerHeatmapView, ProjectionView or StepThroughPanel
// (walking tokens, not the d = 3 teaching vector) showing a ready document; nullopt for any other
// widget or a view without data yet.
std::optional<ViewFigure> figureOfView(QWidget* view);

}  // namespace lngeom::widgets
