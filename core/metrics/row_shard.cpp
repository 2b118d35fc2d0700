#include "core/metrics/row_shard.h"

#include <algorithm>

namespace lngeom {

RowRange shard_rows(Index n_rows, Index unit, RowShard shard) {
    const Index units = (n_rows + unit - 1) / unit;
    const auto boundary = [&](Index part) {
        // part · units / count without overflow for any 64-bit row count.
        const Index whole = units / shard.count * part;
        const Index rest = units % shard.count * part / shard.count;
        return std::min(n_rows, (whole + rest) * unit);
    };
    return {boundary(shard.index), boundary(shard.index + 1)};
}

}  // namespace lngeom
