#pragma once
// Tokens chosen to stand for a site's cloud, from one metric's per-token values (n_tokens, NaN
// for invalid tokens): the token nearest a value (e.g. the median, a representative token) and
// tokens spread over the values' range (e.g. short to long vectors), for a teaching view to walk.

#include <span>
#include <vector>

#include "core/io/dump.h"

namespace lngeom {

// The token whose value is nearest `target` (the lowest index on a tie); -1 when every value
// is NaN.
Index token_nearest(std::span<const float> values, double target);

// `count` distinct tokens whose values lie at evenly spaced quantiles from `low_quantile` to
// `high_quantile` (0 ≤ low ≤ high ≤ 1), in ascending order of their values; fewer when there
// are fewer valid tokens. NaN values are never chosen.
std::vector<Index> tokens_across(std::span<const float> values, std::size_t count,
                                 double low_quantile, double high_quantile);

}  // namespace lngeom
