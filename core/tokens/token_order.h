#pragma once
// Which tokens a table shows and in what order, as indices into the per-token data: filtering
// by text and by a metric range, and sorting by a column, without copying any column.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/charts/histogram_range.h"
#include "core/io/dump.h"

namespace lngeom {

struct TokenFilter {
    std::string text;                 // substring of the token's text; empty: any
    std::span<const float> values;    // the metric the range applies to
    std::optional<ValueRange> range;  // [low, high]; NaN values never pass
};

// Tokens 0..n_tokens-1 (ascending) passing `filter`; `texts` may be empty (then a non-empty
// text filter passes nothing).
std::vector<Index> filter_tokens(Index n_tokens, const std::vector<std::string>& texts,
                                 const TokenFilter& filter);

// Stable sorts of `tokens` by a per-token key; NaN values sort last in both directions.
void sort_by_values(std::vector<Index>& tokens, std::span<const float> values, bool descending);
void sort_by_integers(std::vector<Index>& tokens, std::span<const std::int32_t> values,
                      bool descending);
void sort_by_texts(std::vector<Index>& tokens, const std::vector<std::string>& texts,
                   bool descending);

// Sorts `rows` and returns them as runs of consecutive rows: {first, last} pairs, ascending.
std::vector<std::pair<std::int64_t, std::int64_t>> consecutive_runs(
    std::vector<std::int64_t>& rows);

// For each token, its position in `tokens`, or -1 where it is absent.
std::vector<std::int64_t> positions_of(Index n_tokens, std::span<const Index> tokens);

}  // namespace lngeom
