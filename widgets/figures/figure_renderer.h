#pragma once
// Draws the figure a recipe describes from a document whose metrics are ready: the recipe's view
// is built off screen at the recipe's size, given the publication preset, and written to a file.
// The app's "Export figure…" and `lngeom export` both come here, so both draw the same figure.

#include <string>

#include "widgets/figures/figure_recipe.h"

namespace lngeom::widgets {

class DumpDocument;

// The dumps a figure draws: the recipe's, and the one it is compared with (the recipe's
// compareFile), if any.
struct FigureDocuments {
    DumpDocument& document;
    DumpDocument* comparison = nullptr;
};

// Writes `path` (format from its extension) atomically and returns the recipe as drawn (with its
// size and the camera a 3D view used). lngeom::Error naming the dump and the site for a site or
// metric the dump lacks, or naming `path` when it cannot be written or the view cannot be drawn
// in that format. Makes the recipe's site the document's current site.
FigureRecipe renderFigure(const FigureDocuments& documents, const FigureRecipe& recipe,
                          const std::string& path);

// renderFigure, then the recipe beside the figure (recipePathFor(path)) with the dumps' paths
// made absolute, so it draws again from any working directory.
void renderFigureWithRecipe(const FigureDocuments& documents, const FigureRecipe& recipe,
                            const std::string& path);

}  // namespace lngeom::widgets
