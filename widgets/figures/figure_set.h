#pragma once
// The paper's figure set for one dump: what `lngeom figures` draws, each figure a recipe and a
// file name. Angle histograms per site (Figs. 5, 11–13) and all of them as small multiples,
// curves over layers of the angle to 1, the norm and the rotation (Figs. 3, 4, 7–10), the
// layer × angle heatmap, the projection, and the step-through (Fig. 2) of a few tokens that
// span the middle site's norms.

#include <string>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/metrics_store.h"
#include "widgets/figures/figure_recipe.h"

namespace lngeom::widgets {

struct NamedFigure {
    std::string name;  // file name without extension, e.g. "angle-histogram-site003"
    FigureRecipe recipe;
};

// Every figure takes `base`'s file, scale and background, and its view's default size. Curves of
// the rotation appear only when some site has its output.
std::vector<NamedFigure> paperFigureSet(const DumpInfo& info, const MetricsStore& metrics,
                                        const FigureRecipe& base);

}  // namespace lngeom::widgets
