#include "core/columns/column_statistics.h"

#include <cmath>
#include <vector>

#include "core/columns/column_blocks.h"
#include "core/errors.h"

namespace lngeom {

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
    for_each_block_with(
        source, metric, tokens,
        [&](Index first, std::span<const float> values) {
            tokens.for_each(first, first + Index(values.size()), [&](Index token) {
                histogram.add(values[std::size_t(token - first)]);
            });
        },
        cancel);
    return histogram;
}

Moments column_moments_of_tokens(const ColumnSource& source, Metric metric, const TokenSet& tokens,
                                 const std::atomic<bool>* cancel) {
    Moments moments;
    for_each_block_with(
        source, metric, tokens,
        [&](Index first, std::span<const float> values) {
            tokens.for_each(first, first + Index(values.size()),
                            [&](Index token) { moments.add(values[std::size_t(token - first)]); });
        },
        cancel);
    return moments;
}

Summary column_summary_of_tokens(const ColumnSource& source, Metric metric, const TokenSet& tokens,
                                 const std::atomic<bool>* cancel) {
    std::vector<float> picked;
    for_each_block_with(
        source, metric, tokens,
        [&](Index first, std::span<const float> values) {
            tokens.for_each(first, first + Index(values.size()), [&](Index token) {
                picked.push_back(values[std::size_t(token - first)]);
            });
        },
        cancel);
    return summarize(picked);
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
