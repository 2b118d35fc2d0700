#pragma once
// Bar heights a histogram chart draws: each bin split into its selected part and the rest,
// stacked, in linear counts or log10(1 + count) for the log-scale option.

#include <vector>

#include "core/metrics/statistics.h"

namespace lngeom {

struct HistogramBars {
    std::vector<double> edges;     // bins + 1
    std::vector<double> selected;  // bins; the lower, highlighted segment
    std::vector<double> rest;      // bins; stacked on top, so selected + rest is the bin's height
};

// `selection` (same edges as `site`, or nullptr for none) counts the selected tokens of each bin.
// With log_counts, a bin's whole height is log10(1 + count) and its selected segment
// log10(1 + selected count).
HistogramBars histogram_bars(const Histogram& site, const Histogram* selection, bool log_counts);

// Bin edges of a histogram: low, low + width, ..., high.
std::vector<double> bin_edges(const Histogram& histogram);

}  // namespace lngeom
