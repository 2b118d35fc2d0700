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
    DumpDocument* comparison = nullptr;  // the dump the view compares with, if it shows one
    FigureRecipe recipe;
};

// For a HistogramView, LayerCurvesView, LayerHeatmapView, ProjectionView or StepThroughPanel
// (walking tokens, not the d = 3 teaching vector) of a ready document, whether or not it is on
// screen: its settings, its camera once it has drawn, and a size of the view's proportions
// (figure_size.h); nullopt for any other widget or a document without metrics yet.
std::optional<ViewFigure> figureOfView(QWidget* view);

}  // namespace lngeom::widgets
