#pragma once
// Small multiples, as in the paper: a metric's histogram at every site in one figure, a grid of
// panels in forward order over one shared x range, each titled with its site's short label
// ("12·ln2") and marked at its mean. Bars show each site's fraction of its tokens per bin, so
// sites of any token count compare. Ticks are written under the bottom row only; the panels
// grow fewer per row and the text smaller as the site count grows, readable from 1 to 130
// sites. Drawn as SVG from the data, so PNG, SVG and PDF are the same picture.

#include <string>

#include "widgets/figures/figure_recipe.h"

namespace lngeom::widgets {

class DumpDocument;

// The grid's SVG for the recipe's metric, bins and range, at its size.
std::string histogramGridSvg(const DumpDocument& document, const FigureRecipe& recipe);

// Writes it to `path` (.png, .svg, .pdf); returns the recipe as drawn. lngeom::Error naming
// `path` when it cannot be written.
FigureRecipe renderHistogramGrid(const DumpDocument& document, const FigureRecipe& recipe,
                                 const std::string& path);

}  // namespace lngeom::widgets
