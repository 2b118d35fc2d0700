#pragma once
// Which rows of a site one of several processes reads: `lngeom stats --shard K/N` and the MPI
// ranks split every site the same way, so their states merge into the state of all rows.

#include "core/io/dump.h"

namespace lngeom {

// Shard `index` of `count` (0 ≤ index < count).
struct RowShard {
    int index = 0;
    int count = 1;
};

// Rows [first, end) of a site.
struct RowRange {
    Index first = 0;
    Index end = 0;
    Index size() const { return end - first; }
};

// The rows of `shard` among a site's `n_rows`, split at multiples of `unit` rows (the dataset's
// chunk rows, so that no chunk is read by two shards) into `count` parts that differ by at most
// one unit. Shards past the last unit get no rows; the parts cover every row exactly once.
RowRange shard_rows(Index n_rows, Index unit, RowShard shard);

}  // namespace lngeom
