#pragma once
// The paper's figure set for one dump: what `lngeom figures` draws, each figure a recipe and a
// file name. Angle histograms per site (Figs. 5, 11–13), curves over layers of the angle to 1,
// the norm and the rotation (Figs. 3, 4, 7–10), the layer × angle heatmap and the projection.

#include <string>
#include <vector>

#include "core/io/dump.h"
#include "widgets/figures/figure_recipe.h"

namespace lngeom::widgets {

struct NamedFigure {
    std::string name;  // file name without extension, e.g. "angle-histogram-site003"
    FigureRecipe recipe;
};

// Every figure takes `base`'s file, size, scale and background. Curves of the rotation appear
// only when some site has its output.
std::vector<NamedFigure> paperFigureSet(const DumpInfo& info, const FigureRecipe& base);

}  // namespace lngeom::widgets
