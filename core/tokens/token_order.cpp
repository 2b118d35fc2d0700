#include "core/tokens/token_order.h"

#include <algorithm>
#include <cmath>

namespace lngeom {

namespace {

bool passes_range(const TokenFilter& filter, Index token) {
    if (!filter.range) return true;
    if (std::size_t(token) >= filter.values.size()) return false;
    const float value = filter.values[std::size_t(token)];
    return value >= filter.range->low && value <= filter.range->high;
}

bool passes_text(const TokenFilter& filter, const std::vector<std::string>& texts, Index token) {
    if (filter.text.empty()) return true;
    return std::size_t(token) < texts.size() &&
           texts[std::size_t(token)].find(filter.text) != std::string::npos;
}

using TokenIterator = std::vector<Index>::iterator;

template <typename Less>
void stable_sort_tokens(TokenIterator begin, TokenIterator end, bool descending, Less less) {
    if (descending)
        std::stable_sort(begin, end, [&](Index a, Index b) { return less(b, a); });
    else
        std::stable_sort(begin, end, less);
}

}  // namespace

std::vector<Index> filter_tokens(Index n_tokens, const std::vector<std::string>& texts,
                                 const TokenFilter& filter) {
    std::vector<Index> tokens;
    for (Index token = 0; token < n_tokens; ++token)
        if (passes_range(filter, token) && passes_text(filter, texts, token))
            tokens.push_back(token);
    return tokens;
}

void sort_by_values(std::vector<Index>& tokens, std::span<const float> values, bool descending) {
    const auto nan_last = std::stable_partition(tokens.begin(), tokens.end(), [&](Index token) {
        return !std::isnan(values[std::size_t(token)]);
    });
    stable_sort_tokens(tokens.begin(), nan_last, descending, [&](Index a, Index b) {
        return values[std::size_t(a)] < values[std::size_t(b)];
    });
}

void sort_by_integers(std::vector<Index>& tokens, std::span<const std::int32_t> values,
                      bool descending) {
    stable_sort_tokens(tokens.begin(), tokens.end(), descending, [&](Index a, Index b) {
        return values[std::size_t(a)] < values[std::size_t(b)];
    });
}

void sort_by_texts(std::vector<Index>& tokens, const std::vector<std::string>& texts,
                   bool descending) {
    stable_sort_tokens(tokens.begin(), tokens.end(), descending, [&](Index a, Index b) {
        return texts[std::size_t(a)] < texts[std::size_t(b)];
    });
}

std::vector<std::pair<std::int64_t, std::int64_t>> consecutive_runs(
    std::vector<std::int64_t>& rows) {
    std::sort(rows.begin(), rows.end());
    std::vector<std::pair<std::int64_t, std::int64_t>> runs;
    for (std::int64_t row : rows) {
        if (!runs.empty() && row <= runs.back().second + 1)
            runs.back().second = std::max(runs.back().second, row);
        else
            runs.push_back({row, row});
    }
    return runs;
}

std::vector<std::int64_t> positions_of(Index n_tokens, std::span<const Index> tokens) {
    std::vector<std::int64_t> positions(std::size_t(n_tokens), -1);
    for (std::size_t row = 0; row < tokens.size(); ++row)
        positions[std::size_t(tokens[row])] = std::int64_t(row);
    return positions;
}

}  // namespace lngeom
