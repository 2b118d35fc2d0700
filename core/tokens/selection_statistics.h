#pragma once
// Statistics of a selected subset of tokens, to show beside those of the whole site.

#include <span>

#include "core/io/dump.h"
#include "core/metrics/statistics.h"

namespace lngeom {

// Summary of values[token] over `tokens` (indices into `values`; NaN values skipped).
Summary summarize_tokens(std::span<const float> values, std::span<const Index> tokens);

// Moments (count, mean, SD, min, max) of values[token] over `tokens`: no quantiles, so no copy.
Moments moments_of_tokens(std::span<const float> values, std::span<const Index> tokens);

// Histogram of values[token] over `tokens`, with the given edges.
Histogram histogram_of_tokens(std::span<const float> values, std::span<const Index> tokens,
                              double low, double high, int bins);

}  // namespace lngeom
