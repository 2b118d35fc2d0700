#pragma once
// Norm growth through depth (Xiong et al., "On Layer Normalization in the Transformer
// Architecture", arXiv 2002.04745): in a Pre-LN model the residual stream's norm grows with
// depth, so each block's update ‖x_{l+1} − x_l‖ shrinks relative to ‖x_l‖. The mean and
// quantiles of ‖x‖ per site come from the metrics pass (metric `norm`); this adds the relative
// update between consecutive sites of one kind that hold the same tokens.

#include <Eigen/Core>
#include <atomic>
#include <cstddef>
#include <vector>

#include "core/io/dump.h"

namespace lngeom {

// Two sites whose rows are the same tokens one block apart: consecutive sites (forward order)
// with the same kind name ("ln1", "ln2", …), d and n_tokens, or consecutive layers of one
// (n_layers, n_tokens, d) dataset.
struct SitePair {
    SiteIndex from = 0;
    SiteIndex to = 0;
};
std::vector<SitePair> consecutive_site_pairs(const DumpInfo& info);

// ‖a_t − b_t‖/‖b_t‖ for each row pair of `before` and `after` (n × d each); NaN where b_t is
// zero or either row is not finite.
Eigen::VectorXd relative_update(const RowMatrixD& before, const RowMatrixD& after);

struct UpdateSummary {
    SitePair pair;
    Index tokens = 0;                            // finite updates among the sampled rows
    double mean = 0, p10 = 0, p50 = 0, p90 = 0;  // NaN without tokens
};

// The relative update of every pair over at most `max_tokens` rows of each, read as
// sampled_runs spreads them (sampled_runs.h), so reads and memory stay bounded whatever the
// dump's size. CancelledError when `cancel` is set meanwhile.
std::vector<UpdateSummary> sampled_relative_updates(const Dump& dump, Index max_tokens,
                                                    const std::atomic<bool>* cancel = nullptr);

}  // namespace lngeom
