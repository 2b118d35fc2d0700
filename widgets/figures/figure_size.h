#pragma once
// How large a figure is drawn, in points: each view's default (a chart as a paper's column
// figure; the projection and the step-through wider for their captions and text; the small
// multiples grown with the number of sites), and the size of a figure exported from a view on
// screen — the view's own proportions, held between a portrait and a wide page so that a dock
// stretched into a strip does not make a strip of a figure.

#include <cstddef>

#include "widgets/figures/figure_recipe.h"

namespace lngeom::widgets {

struct FigureSize {
    int width = 0;
    int height = 0;
};

// The size `view` is drawn at when its recipe gives none; `sites` is the dump's site count.
FigureSize defaultFigureSize(FigureView view, std::size_t sites);

// A figure of what a view `width` × `height` pixels on screen shows: that shape with its aspect
// ratio clamped to [0.75, 1.9], its area between the default's and four times it; the default
// for a view that has no size (a tab never raised).
FigureSize figureSizeOfView(FigureView view, std::size_t sites, int width, int height);

}  // namespace lngeom::widgets
