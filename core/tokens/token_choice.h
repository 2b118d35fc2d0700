#pragma once
// Tokens chosen to stand for a site's cloud, from one metric's per-token column (NaN for invalid
// tokens), read block by block so a site of 100M tokens costs one block: the token nearest a
// value (e.g. the median, a representative token) and tokens spread over the values' range (e.g.
// short to long vectors), for a teaching view to walk.

#include <vector>

#include "core/columns/column_source.h"

namespace lngeom {

// The token whose value of `metric` is nearest `target` (the lowest index on a tie); -1 when
// every value is NaN.
Index token_nearest(const ColumnSource& source, Metric metric, double target);

// Up to `count` distinct tokens nearest the values at evenly spaced quantiles from
// `low_quantile` to `high_quantile` (0 ≤ low ≤ high ≤ 1), in ascending order of their values;
// fewer when there are fewer valid tokens. The quantiles are the site's quantile sketch's
// (numpy's 'linear' ones up to its exact limit, within its relative bound beyond), so each
// chosen token is within one rank of the exact quantile's token up to that limit. NaN values are
// never chosen.
std::vector<Index> tokens_across(const ColumnSource& source, Metric metric, std::size_t count,
                                 double low_quantile, double high_quantile);

}  // namespace lngeom
