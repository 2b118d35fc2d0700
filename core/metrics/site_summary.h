#pragma once
// What the reports show of one site: its token counts and one Summary per metric.

#include <vector>

#include "core/io/dump.h"
#include "core/metrics/statistics.h"

namespace lngeom {

// Counts and per-metric summaries of one site.
struct SiteSummary {
    Index n_tokens = 0;
    Index n_invalid = 0;  // tokens with an input reason below: NaN in every metric
    Index n_non_finite = 0;
    Index n_zero = 0;
    Index n_constant = 0;          // zero vectors included
    Index n_invalid_output = 0;    // valid input, non-finite or zero output: output metrics NaN
    std::vector<Summary> metrics;  // one per column, in site_metrics() order
};

}  // namespace lngeom
