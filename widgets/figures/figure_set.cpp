#include "widgets/figures/figure_set.h"

#include <algorithm>

namespace lngeom::widgets {
namespace {

constexpr int kProjectionWidth = 820;
constexpr int kProjectionHeight = 640;

FigureRecipe with(const FigureRecipe& base, FigureView view, Metric metric,
                  const std::string& site = "") {
    FigureRecipe recipe = base;
    recipe.view = view;
    recipe.metric = metric;
    recipe.site = site;
    return recipe;
}

}  // namespace

std::vector<NamedFigure> paperFigureSet(const DumpInfo& info, const FigureRecipe& base) {
    std::vector<NamedFigure> figures;
    for (const SiteInfo& site : info.sites)
        figures.push_back({"angle-histogram-site" + site.key,
                           with(base, FigureView::Histogram, Metric::AngleToUniformDeg, site.key)});
    figures.push_back({"curves-angle", with(base, FigureView::Curves, Metric::AngleToUniformDeg)});
    figures.push_back({"curves-norm", with(base, FigureView::Curves, Metric::Norm)});
    const bool hasOutput = std::any_of(info.sites.begin(), info.sites.end(),
                                       [](const SiteInfo& site) { return site.has_output; });
    if (hasOutput)
        figures.push_back({"curves-rotation", with(base, FigureView::Curves, Metric::RotationDeg)});
    figures.push_back(
        {"heatmap-angle", with(base, FigureView::Heatmap, Metric::AngleToUniformDeg)});
    NamedFigure projection{"projection",
                           with(base, FigureView::Projection, Metric::AngleToUniformDeg)};
    // The 3D view's caption and colour bar need more room than a chart.
    projection.recipe.width = kProjectionWidth;
    projection.recipe.height = kProjectionHeight;
    figures.push_back(projection);
    return figures;
}

}  // namespace lngeom::widgets
