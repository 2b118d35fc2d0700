#pragma once
// Which tokens a table shows: those whose text holds a substring and whose value of a metric
// lies in a range, found by streaming the columns in blocks (memory: the passing tokens, 4 bytes
// each; none at all without a filter).

#include <atomic>
#include <optional>
#include <string>

#include "core/charts/histogram_range.h"
#include "core/columns/column_source.h"
#include "core/tokens/sort_keys.h"
#include "core/tokens/token_rows.h"

namespace lngeom {

struct TokenFilter {
    std::string text;                 // substring of the token's text; empty: any
    std::optional<Metric> metric;     // the metric `range` applies to
    std::optional<ValueRange> range;  // [low, high]; NaN values never pass

    bool empty() const { return text.empty() && !range; }
};

// Tokens 0 … n_tokens − 1 passing `filter`, ascending. `texts` may be empty (the dump has no
// texts: a text filter then passes nothing); `columns` holds the filter's metric. RequestError
// naming `what` for more than 2^32 − 1 tokens; CancelledError once `cancel` is set.
TokenRows filter_rows(Index n_tokens, const ColumnSource& columns, const TextBlockReader& texts,
                      const TokenFilter& filter, const std::string& what,
                      const std::atomic<bool>* cancel = nullptr);

}  // namespace lngeom
