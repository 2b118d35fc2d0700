#pragma once
// One metric's per-token values at one site, as a contiguous span of the site's columns.

#include <span>

#include "core/metrics/metrics.h"
#include "core/metrics/metrics_pass.h"

namespace lngeom {

// The values (n_tokens, NaN for invalid tokens) of `metric`; empty when the site lacks it
// (an output metric at a site without output).
std::span<const float> metric_values(const SiteColumns& columns, Metric metric);

}  // namespace lngeom
