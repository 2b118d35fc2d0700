#pragma once
// Figures of the 3D views: the projection as a PNG at any scale from the view's own renderer, or
// an SVG drawn from the projected geometry (the 1 axis, the √d sphere's outline, the points)
// through the same camera; the step-through and the γ-ellipsoid drawn from their geometry.

#include <string>
#include <vector>

#include "widgets/figures/figure_recipe.h"

namespace lngeom::widgets {

class DumpDocument;

// RequestError naming the dump and the current site for a token it lacks; `purpose` follows the
// token in the message (" to select").
void requireTokensOfCurrentSite(const DumpDocument& document, const std::vector<Index>& tokens,
                                const std::string& purpose = {});

// The step-through (the paper's Fig. 2 on the recipe's tokens and step) as PNG, SVG or PDF drawn
// from its geometry (step_figure_svg.h); the recipe as drawn, with its camera. lngeom::Error
// naming the dump when the walk fails.
FigureRecipe renderStepThrough(DumpDocument& document, const FigureRecipe& recipe,
                               const std::string& path);

// Waits for the view's points (the projection runs on a worker thread), applies the recipe's
// camera when it has one, and writes `path`: .png, .svg or .pdf. Returns the recipe with the camera
// used. lngeom::Error naming the dump when the projection fails, `path` for other formats.
FigureRecipe renderProjection(DumpDocument& document, const FigureRecipe& recipe,
                              const std::string& path);

// The γ-ellipsoid at the recipe's site with the recipe's axes, colours and camera, drawn from
// its geometry (ellipsoid_figure_svg.h) as .svg, or .pdf and .png painted from that SVG. Returns
// the recipe with the camera used. RequestError naming the site when it stores no γ; lngeom::Error
// naming the dump when the picture cannot be computed.
FigureRecipe renderEllipsoid(DumpDocument& document, const FigureRecipe& recipe,
                             const std::string& path);

}  // namespace lngeom::widgets
