#pragma once
// Which rows of a site a bounded view reads: at most max_rows of them, as one run from the top
// when that covers half the site anyway, else kSampledRuns equal runs at equal spacing, so a
// sample spans the whole dump (its first and last sequences alike) with a handful of reads.

#include <utility>
#include <vector>

#include "core/io/dump.h"

namespace lngeom {

inline constexpr Index kSampledRuns = 8;

// (first row, count) of each run; empty for n_tokens = 0.
std::vector<std::pair<Index, Index>> sampled_runs(Index n_tokens, Index max_rows);

}  // namespace lngeom
