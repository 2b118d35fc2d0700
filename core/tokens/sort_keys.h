#pragma once
// Where a table's sort keys come from, read in blocks (token_sort.h): a metric column, an integer
// column of the dump (sequence, position), or the token texts, each ranked once among the
// distinct texts (a model's vocabulary), so that texts sort exactly without holding them.

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "core/columns/column_source.h"
#include "core/tokens/token_sort.h"

namespace lngeom {

// Readers of the dump's per-token label columns in row ranges (Dump::read_tokens, ...).
using TextBlockReader = std::function<std::vector<std::string>(Index first, Index count)>;
using IntegerBlockReader = std::function<std::vector<std::int32_t>(Index first, Index count)>;

SortKeyReader metric_sort_keys(const ColumnSource& columns, Metric metric, bool descending);
SortKeyReader integer_sort_keys(IntegerBlockReader values, bool descending);

// Ranks every distinct text first (one pass over the texts; RequestError naming `what` past
// 4,194,304 distinct texts, whose ranks would not pay); the reader then gives each token its
// text's rank. CancelledError once `cancel` is set.
SortKeyReader text_sort_keys(const TextBlockReader& texts, Index n_tokens, Index block_rows,
                             bool descending, const std::string& what,
                             const std::atomic<bool>* cancel = nullptr);

}  // namespace lngeom
