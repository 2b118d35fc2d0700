#pragma once
// Rows as runs: what a table turns into a selection of row ranges.

#include <cstdint>
#include <utility>
#include <vector>

namespace lngeom {

// Sorts `rows` and returns them as runs of consecutive rows: {first, last} pairs, ascending.
std::vector<std::pair<std::int64_t, std::int64_t>> consecutive_runs(
    std::vector<std::int64_t>& rows);

}  // namespace lngeom
