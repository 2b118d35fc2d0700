#pragma once
// A metric's statistics over the sites in forward order: the paper's per-layer curves
// (mean ± SD, with the min/max band), one entry per site.

#include <atomic>
#include <memory>
#include <span>
#include <vector>

#include "core/columns/column_source.h"
#include "core/io/dump.h"
#include "core/tokens/token_set.h"

#include "core/metrics/metrics.h"
#include "core/metrics/metrics_pass.h"

namespace lngeom {

// Entry i is site i; NaN where the site lacks the metric or has no valid token.
struct LayerCurve {
    std::vector<double> mean;
    std::vector<double> std;
    std::vector<double> min;
    std::vector<double> max;
    std::vector<std::int64_t> count;

    std::size_t size() const { return mean.size(); }
};

LayerCurve layer_curve(const std::vector<SiteSummary>& sites, Metric metric);

// The same statistics over a subset of tokens (a token is the same row at every site): entry i
// has the moments of `metric` at sites[i] over `tokens`, streamed from the columns (only blocks
// holding a token are read); a null site or one without the metric gives NaN.
LayerCurve layer_curve_of_tokens(std::span<const std::shared_ptr<const ColumnSource>> sites,
                                 Metric metric, const TokenSet& tokens,
                                 const std::atomic<bool>* cancel = nullptr);

}  // namespace lngeom
