#pragma once
// Whole-site statistics of one metric column, streamed block by block from a ColumnSource
// (memory: one block), over every token or over a TokenSet: what the histogram, heatmap, curves
// and brushing compute. Blocks without a member of the token set are not read.

#include <atomic>

#include "core/columns/column_source.h"
#include "core/metrics/statistics.h"
#include "core/tokens/token_set.h"

namespace lngeom {

// histogram_of() of every token's value. With `cancel`: CancelledError once it is set.
Histogram column_histogram(const ColumnSource& source, Metric metric, double low, double high,
                           int bins, const std::atomic<bool>* cancel = nullptr);

// The same over the tokens of `tokens` only.
Histogram column_histogram_of_tokens(const ColumnSource& source, Metric metric,
                                     const TokenSet& tokens, double low, double high, int bins,
                                     const std::atomic<bool>* cancel = nullptr);
Moments column_moments_of_tokens(const ColumnSource& source, Metric metric, const TokenSet& tokens,
                                 const std::atomic<bool>* cancel = nullptr);
// Moments and quantiles of the tokens' values (NaN skipped), in memory bounded whatever their
// number: percentiles exact up to 8192 values and within 0.4 % beyond (core/state/).
Summary column_summary_of_tokens(const ColumnSource& source, Metric metric, const TokenSet& tokens,
                                 const std::atomic<bool>* cancel = nullptr);

// The tokens `histogram` counts in bins first_bin..last_bin (inclusive), by its own binning, so
// their number equals the sum of those bins' counts (the last bin keeps values equal to the
// histogram's high edge).
TokenSet column_tokens_in_bins(const ColumnSource& source, Metric metric,
                               const Histogram& histogram, int first_bin, int last_bin,
                               const std::atomic<bool>* cancel = nullptr);

// Calls visit(first_row, values) for the blocks of `metric` that hold a member of `tokens`.
void for_each_block_with(const ColumnSource& source, Metric metric, const TokenSet& tokens,
                         const std::function<void(Index, std::span<const float>)>& visit,
                         const std::atomic<bool>* cancel = nullptr);

}  // namespace lngeom
