#pragma once
// Which tokens a brushed value range holds: what a histogram range or heatmap cell selects.

#include <span>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/statistics.h"

namespace lngeom {

// Tokens (ascending indices into `values`) whose value lies in [low, high); NaN never does.
std::vector<Index> tokens_in_range(std::span<const float> values, double low, double high);

// Tokens that `histogram` counts in bins first_bin..last_bin (inclusive), by the histogram's
// own binning, so their number equals the sum of those bins' counts (the last bin keeps
// values equal to the histogram's high edge).
std::vector<Index> tokens_in_bins(std::span<const float> values, const Histogram& histogram,
                                  int first_bin, int last_bin);

}  // namespace lngeom
