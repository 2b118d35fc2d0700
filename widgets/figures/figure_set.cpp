#include "widgets/figures/figure_set.h"

#include <algorithm>
#include <optional>

#include "core/columns/column_blocks.h"
#include "core/tokens/representative_tokens.h"

namespace lngeom::widgets {
namespace {

// The step figure's tokens: the smallest, median and largest ‖x‖ of the middle site.
constexpr std::size_t kStepTokens = 3;

FigureRecipe with(const FigureRecipe& base, FigureView view, Metric metric,
                  const std::string& site = "") {
    FigureRecipe recipe = base;
    recipe.view = view;
    recipe.metric = metric;
    recipe.site = site;
    recipe.width = recipe.height = 0;
    return recipe;
}

NamedFigure stepFigure(const DumpInfo& info, const MetricsStore& metrics,
                       const FigureRecipe& base) {
    const std::size_t site = info.sites.size() / 2;
    NamedFigure figure{"step-through",
                       with(base, FigureView::Step, Metric::Norm, info.sites[site].key)};
    figure.recipe.step = 1;
    // The site's norms, read whole: n_tokens floats, as the dumps of a paper's figures have.
    std::vector<float> norms;
    if (const auto columns = metrics.columns(site))
        for_each_block(*columns, Metric::Norm, [&](Index, std::span<const float> values) {
            norms.insert(norms.end(), values.begin(), values.end());
        });
    figure.recipe.tokens = representative_tokens(norms, kStepTokens);
    if (figure.recipe.tokens.empty()) figure.recipe.tokens = {0};
    return figure;
}

// The middle site storing γ (the ellipsoid of a site without γ is the √d sphere); none: no
// figure.
std::optional<NamedFigure> ellipsoidFigure(const DumpInfo& info, const FigureRecipe& base) {
    std::vector<std::size_t> withGamma;
    for (std::size_t site = 0; site < info.sites.size(); ++site)
        if (info.sites[site].has_gamma) withGamma.push_back(site);
    if (withGamma.empty()) return std::nullopt;
    const SiteInfo& site = info.sites[withGamma[withGamma.size() / 2]];
    return NamedFigure{"ellipsoid", with(base, FigureView::Ellipsoid, Metric::Norm, site.key)};
}

}  // namespace

std::vector<NamedFigure> paperFigureSet(const DumpInfo& info, const MetricsStore& metrics,
                                        const FigureRecipe& base) {
    std::vector<NamedFigure> figures;
    for (const SiteInfo& site : info.sites)
        figures.push_back({"angle-histogram-site" + site.key,
                           with(base, FigureView::Histogram, Metric::AngleToUniformDeg, site.key)});
    figures.push_back(
        {"angle-histograms", with(base, FigureView::Histograms, Metric::AngleToUniformDeg)});
    figures.push_back({"curves-angle", with(base, FigureView::Curves, Metric::AngleToUniformDeg)});
    figures.push_back({"curves-norm", with(base, FigureView::Curves, Metric::Norm)});
    const bool hasOutput = std::any_of(info.sites.begin(), info.sites.end(),
                                       [](const SiteInfo& site) { return site.has_output; });
    if (hasOutput)
        figures.push_back({"curves-rotation", with(base, FigureView::Curves, Metric::RotationDeg)});
    figures.push_back({"norm-growth", with(base, FigureView::NormGrowth, Metric::Norm)});
    figures.push_back({"massive", with(base, FigureView::Massive, Metric::Norm)});
    figures.push_back(
        {"heatmap-angle", with(base, FigureView::Heatmap, Metric::AngleToUniformDeg)});
    figures.push_back(
        {"projection", with(base, FigureView::Projection, Metric::AngleToUniformDeg)});
    if (!info.sites.empty()) {
        figures.push_back({"io-curve", with(base, FigureView::IoCurve, Metric::Norm,
                                            info.sites[info.sites.size() / 2].key)});
        figures.push_back(stepFigure(info, metrics, base));
    }
    if (auto ellipsoid = ellipsoidFigure(info, base)) figures.push_back(*ellipsoid);
    return figures;
}

}  // namespace lngeom::widgets
