#include "core/tokens/token_filter.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "core/errors.h"

namespace lngeom {

namespace {

// Marks, per token of the block, whether it passes so far.
void apply_range(const ColumnSource& columns, const TokenFilter& filter, Index first,
                 std::vector<char>& passes, std::vector<float>& values) {
    if (!filter.range || !filter.metric) return;
    values.resize(passes.size());
    columns.read(*filter.metric, first, values);
    for (std::size_t i = 0; i < passes.size(); ++i)
        passes[i] = passes[i] && values[i] >= filter.range->low && values[i] <= filter.range->high;
}

void apply_text(const TextBlockReader& texts, const TokenFilter& filter, Index first,
                std::vector<char>& passes) {
    if (filter.text.empty() || std::find(passes.begin(), passes.end(), 1) == passes.end()) return;
    if (!texts) return std::fill(passes.begin(), passes.end(), 0);
    const std::vector<std::string> block = texts(first, Index(passes.size()));
    for (std::size_t i = 0; i < passes.size(); ++i)
        passes[i] = passes[i] && block[i].find(filter.text) != std::string::npos;
}

}  // namespace

TokenRows filter_rows(Index n_tokens, const ColumnSource& columns, const TextBlockReader& texts,
                      const TokenFilter& filter, const std::string& what,
                      const std::atomic<bool>* cancel) {
    if (n_tokens > Index(std::numeric_limits<std::uint32_t>::max()))
        throw RequestError(
            what, "",
            "has " + std::to_string(n_tokens) + " tokens; a table lists at most 4294967295");
    if (filter.empty()) return TokenRows::all(n_tokens);
    TokenRowsBuilder tokens;
    std::vector<char> passes;
    std::vector<float> values;
    const Index step = std::max<Index>(columns.block_rows(), 1);
    for (Index first = 0; first < n_tokens; first += step) {
        if (cancel && cancel->load()) throw CancelledError(what, "", "filtering was cancelled");
        passes.assign(std::size_t(std::min(step, n_tokens - first)), 1);
        apply_range(columns, filter, first, passes, values);
        apply_text(texts, filter, first, passes);
        for (std::size_t i = 0; i < passes.size(); ++i)
            if (passes[i]) tokens.push_back(std::uint32_t(first + Index(i)));
    }
    return tokens.finish();
}

}  // namespace lngeom
