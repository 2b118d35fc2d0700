#pragma once
// The massive-activation state's pass over a block of float rows (core/analysis/
// massive_activations.h), branch-free and 4 coordinates at a time (8 with AVX2, where the CPU has
// it): each coordinate's magnitude bin, each row's largest |x|, and per dimension the block's peak
// |x| with its first row and the rows with |x| ≥ 6. Looking at every coordinate of every token is
// most of the statistics pass's work, so the block's peaks and bin counts are folded into the
// state once per block instead of coordinate by coordinate. It works on the floats' bits: for
// finite magnitudes the order of the bits is the order of the values, so every comparison is
// exact and the state is the one the coordinate-by-coordinate rules give. The statistics pass
// inlines the scan's steps (magnitude_lanes.h) into its own loop over each row
// (core/metrics/scanned_rows.h).

#include <cstdint>
#include <vector>

#include "core/analysis/magnitude_counts.h"
#include "core/io/dump.h"

namespace lngeom {

// What a block's rows have shown so far.
struct MagnitudeScan {
    explicit MagnitudeScan(Index d);

    // Per dimension: the largest |x| as float bits (−1 before any row), its row in the block
    // (the first on ties; −1 before any), and the rows with |x| ≥ kInt8OutlierMagnitude.
    std::vector<std::int32_t> peak_bits;
    std::vector<std::int32_t> peak_row;
    std::vector<std::int32_t> int8_rows;
    // Counts of the magnitude bins (kMagnitudeBins): one array for the block, widened into the
    // state's once, rather than the state's kept range grown row by row.
    std::vector<std::uint32_t> bin_counts;
    std::vector<std::int32_t> bins;  // scratch: one row's bins
};

// Scans a finite row x (the scan's d values) as row `row` of its block; its largest |x|.
float scan_magnitudes(const float* x, std::int32_t row, MagnitudeScan& scan);

// Adds the block's bin counts to `counts`.
void add_bin_counts(const MagnitudeScan& scan, MagnitudeCounts& counts);

}  // namespace lngeom
