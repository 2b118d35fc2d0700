#pragma once
// The norm-growth figure (Xiong et al., "On Layer Normalization in the Transformer
// Architecture", arXiv 2002.04745): the mean ‖x‖ entering each norm site with its 1st, 50th and
// 99th percentiles, and the relative update ‖x_{l+1} − x_l‖/‖x_l‖ arriving at a site from the
// previous site of its kind where both hold the same tokens (core/analysis/norm_growth.h).

#include <cstdint>
#include <vector>

#include "core/analysis/norm_growth.h"
#include "core/metrics/site_summary.h"

namespace lngeom {

// Entry i is site i; NaN where a site has no valid token, and in the update series where no
// earlier site of its kind holds the same tokens.
struct NormGrowthCurve {
    std::vector<double> mean, p01, p50, p99;  // ‖x‖ (metric `norm`)
    std::vector<double> update_mean, update_p10, update_p50, update_p90;
    std::vector<Index> update_tokens;  // the sampled tokens with a finite update (0: none)
    std::size_t pairs = 0;             // sites with an update

    std::size_t size() const { return mean.size(); }
};

// `summaries`: one per site; `updates`: sampled_relative_updates of the same dump (its pairs'
// sites index `summaries`).
NormGrowthCurve norm_growth_curve(const std::vector<SiteSummary>& summaries,
                                  const std::vector<UpdateSummary>& updates);

// The rows of each consecutive pair sampled for the relative update: enough for a 1 % quantile
// band, a few MB read per pair whatever the dump's size.
inline constexpr Index kNormGrowthSampleTokens = 4096;

}  // namespace lngeom
