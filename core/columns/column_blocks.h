#pragma once
// Reading a ColumnSource as a stream of blocks, or at a few tokens: how whole-site work
// (histograms, brushing, filters, selection statistics) runs in the memory of one block.

#include <atomic>
#include <functional>
#include <span>
#include <vector>

#include "core/columns/column_source.h"

namespace lngeom {

// Calls visit(first_row, values) for consecutive blocks covering every row of `metric`, in row
// order. With `cancel`, checked before each block: CancelledError naming `what` once it is set.
using ColumnBlockVisitor = std::function<void(Index first_row, std::span<const float> values)>;
void for_each_block(const ColumnSource& source, Metric metric, const ColumnBlockVisitor& visit,
                    const std::atomic<bool>* cancel = nullptr);

// The values of `metric` at `tokens` (ascending, inside the site), in that order; reads only the
// blocks that hold them.
std::vector<float> gather_values(const ColumnSource& source, Metric metric,
                                 std::span<const Index> tokens);

// One token's value.
float value_at(const ColumnSource& source, Metric metric, Index token);

}  // namespace lngeom
