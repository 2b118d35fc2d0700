#include "core/columns/column_statistics.h"

#include <cmath>
#include <limits>
#include <vector>

#include "core/columns/column_blocks.h"
#include "core/errors.h"
#include "core/state/metric_state.h"

namespace lngeom {

namespace {

// Calls add(value) with the value of every token of `tokens`, reading only the blocks that hold
// one.
template <typename Add>
void for_each_token_value(const ColumnSource& source, Metric metric, const TokenSet& tokens,
                          Add add, const std::atomic<bool>* cancel) {
    for_each_block_with(
        source, metric, tokens,
        [&](Index first, std::span<const float> values) {
            tokens.for_each(first, first + Index(values.size()),
                            [&](Index token) { add(values[std::size_t(token - first)]); });
        },
        cancel);
}

}  // namespace

void for_each_block_with(const ColumnSource& source, Metric metric, const TokenSet& tokens,
                         const std::function<void(Index, std::span<const float>)>& visit,
                         const std::atomic<bool>* cancel) {
    const Index n = source.n_tokens(), step = std::max<Index>(source.block_rows(), 1);
    std::vector<float> block;
    for (Index first = 0; first < n && !tokens.empty(); first += step) {
        const Index count = std::min(step, n - first);
        if (!tokens.any_in(first, first + count)) continue;
        if (cancel && cancel->load())
            throw CancelledError(source.path(), std::string(describe(metric).key),
                                 "reading the column was cancelled");
        block.resize(std::size_t(count));
        source.read(metric, first, block);
        visit(first, block);
    }
}

Histogram column_histogram(const ColumnSource& source, Metric metric, double low, double high,
                           int bins, const std::atomic<bool>* cancel) {
    Histogram histogram(low, high, bins);
    for_each_block(
        source, metric,
        [&histogram](Index, std::span<const float> values) {
            for (float value : values) histogram.add(value);
        },
        cancel);
    return histogram;
}

Histogram column_histogram_of_tokens(const ColumnSource& source, Metric metric,
                                     const TokenSet& tokens, double low, double high, int bins,
                                     const std::atomic<bool>* cancel) {
    Histogram histogram(low, high, bins);
    for_each_token_value(
        source, metric, tokens, [&](float value) { histogram.add(value); }, cancel);
    return histogram;
}

Moments column_moments_of_tokens(const ColumnSource& source, Metric metric, const TokenSet& tokens,
                                 const std::atomic<bool>* cancel) {
    Moments moments;
    for_each_token_value(
        source, metric, tokens, [&](float value) { moments.add(value); }, cancel);
    return moments;
}

Summary column_summary_of_tokens(const ColumnSource& source, Metric metric, const TokenSet& tokens,
                                 const std::atomic<bool>* cancel) {
    // The pass's mergeable state, so memory stays bounded whatever the selection's size: one
    // block, with NaN (skipped) for the tokens outside the selection, is added at a time.
    MetricState state(describe(metric));
    std::vector<double> block;
    for_each_block_with(
        source, metric, tokens,
        [&](Index first, std::span<const float> values) {
            block.assign(values.size(), std::numeric_limits<double>::quiet_NaN());
            tokens.for_each(first, first + Index(values.size()), [&](Index token) {
                block[std::size_t(token - first)] = values[std::size_t(token - first)];
            });
            state.add_column(block.data(), 1, Index(block.size()), first);
        },
        cancel);
    return state.summary();
}

TokenSet column_tokens_in_bins(const ColumnSource& source, Metric metric,
                               const Histogram& histogram, int first_bin, int last_bin,
                               const std::atomic<bool>* cancel) {
    TokenSet tokens(source.n_tokens());
    for_each_block(
        source, metric,
        [&](Index first, std::span<const float> values) {
            for (std::size_t row = 0; row < values.size(); ++row) {
                const double value = values[row];
                if (std::isnan(value) || value < histogram.low || value > histogram.high) continue;
                const int bin = histogram.bin_of(value);
                if (bin >= first_bin && bin <= last_bin) tokens.insert(first + Index(row));
            }
        },
        cancel);
    return tokens;
}

}  // namespace lngeom
