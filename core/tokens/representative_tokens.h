#pragma once
// A few tokens that stand for a whole site: those at evenly spaced quantiles of a metric (the
// smallest, the median, the largest, ...), so that a figure of them shows the site's range.

#include <cstddef>
#include <span>
#include <vector>

#include "core/io/dump.h"

namespace lngeom {

// Up to `count` distinct tokens at the quantiles 0, 1/(count−1), ..., 1 of `values` (NaN left
// out), in the order of their values; fewer when fewer tokens have a value.
std::vector<Index> representative_tokens(std::span<const float> values, std::size_t count);

}  // namespace lngeom
