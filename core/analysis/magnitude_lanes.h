#pragma once
// Internal to the core: the steps of the magnitude scan (magnitude_scan.h), as always-inline
// templates over Lanes, the GCC vector of 32-bit integers a step works on, so that the scan and
// the statistics pass's fused rows (core/metrics/scanned_rows.cpp) each inline them into a
// baseline and an AVX2 build: 4 lanes with SSE2 (the x86-64 baseline), 8 with AVX2. A wider
// vector than the target's registers is lowered through the stack.

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/analysis/magnitude_scan.h"
#include "core/analysis/massive_activations.h"

namespace lngeom::kernels {

using Ints4 = std::int32_t __attribute__((vector_size(4 * sizeof(std::int32_t))));
using Ints8 = std::int32_t __attribute__((vector_size(8 * sizeof(std::int32_t))));
template <typename Lanes>
inline constexpr int kLanesOf = int(sizeof(Lanes) / sizeof(std::int32_t));

inline constexpr std::int32_t kMagnitudeMask = 0x7fffffff;
inline constexpr std::int32_t kInt8Bits = std::bit_cast<std::int32_t>(float(kInt8OutlierMagnitude));

// target = mask ? value : target, lane by lane, written with bitwise operations: SSE2 has them
// but no 32-bit min, max or blend, and GCC lowers a vector ?: for SSE2 one lane at a time.
template <typename Lanes>
[[gnu::always_inline]] inline void take_where(Lanes& target, const Lanes& mask,
                                              const Lanes& value) {
    target = (mask & value) | (~mask & target);
}

// The scan's arrays as plain pointers: through the vectors, every store to an int32 array could
// alias the vectors' own pointers, and the loop would reload them at each step.
struct ScanArrays {
    std::int32_t* peak_bits;
    std::int32_t* peak_row;
    std::int32_t* int8_rows;
    std::uint32_t* bin_counts;
    std::int32_t* bins;
    std::size_t d;
};

inline ScanArrays arrays_of(MagnitudeScan& scan) {
    return {scan.peak_bits.data(),  scan.peak_row.data(), scan.int8_rows.data(),
            scan.bin_counts.data(), scan.bins.data(),     scan.peak_bits.size()};
}

// What one row's coordinates have shown so far, lane by lane: its row in the block and its
// largest magnitude (float bits).
template <typename Lanes>
struct RowLanes {
    explicit RowLanes(std::int32_t row) : rows(Lanes{} + row) {}
    Lanes rows;
    Lanes largest = Lanes{};
};

// Counts the row's bins: a loop of its own, since taking each lane out of the register in the
// vector loop costs more than storing the bins and reading them back.
[[gnu::always_inline]] inline void count_bins(const ScanArrays& scan) {
    for (std::size_t i = 0; i < scan.d; ++i) ++scan.bin_counts[std::size_t(scan.bins[i])];
}

// Coordinates i … i + kLanesOf<Lanes> − 1 of the row x: their bins stored, the peaks and
// |x| ≥ 6 counts of their dimensions updated.
template <typename Lanes>
[[gnu::always_inline]] inline void scan_step(const float* x, std::size_t i, RowLanes<Lanes>& row,
                                             const ScanArrays& scan) {
    static_assert(sizeof(float) == sizeof(std::int32_t));
    // Loads and stores through memcpy: the rows and the scan's arrays are not 32-byte aligned.
    Lanes magnitude, int8_rows, peak, peak_row;
    std::memcpy(&magnitude, x + i, sizeof magnitude);
    std::memcpy(&int8_rows, scan.int8_rows + i, sizeof int8_rows);
    std::memcpy(&peak, scan.peak_bits + i, sizeof peak);
    std::memcpy(&peak_row, scan.peak_row + i, sizeof peak_row);
    magnitude &= kMagnitudeMask;
    const Lanes bin = magnitude >> kMagnitudeBinShift;
    // A true comparison is −1 in every bit.
    take_where(row.largest, magnitude > row.largest, magnitude);
    int8_rows -= magnitude >= kInt8Bits;
    const Lanes above = magnitude > peak;
    take_where(peak, above, magnitude);
    take_where(peak_row, above, row.rows);
    std::memcpy(scan.int8_rows + i, &int8_rows, sizeof int8_rows);
    std::memcpy(scan.peak_bits + i, &peak, sizeof peak);
    std::memcpy(scan.peak_row + i, &peak_row, sizeof peak_row);
    std::memcpy(scan.bins + i, &bin, sizeof bin);
}

// The step for one coordinate, for the last d mod the lanes.
[[gnu::always_inline]] inline void scan_one(const float* x, std::size_t i, std::int32_t row_index,
                                            std::int32_t& largest, const ScanArrays& scan) {
    std::int32_t magnitude;
    std::memcpy(&magnitude, x + i, sizeof magnitude);
    magnitude &= kMagnitudeMask;
    const std::int32_t bin = magnitude >> kMagnitudeBinShift;
    scan.bins[i] = bin;
    largest = std::max(largest, magnitude);
    scan.int8_rows[i] += magnitude >= kInt8Bits;
    if (magnitude > scan.peak_bits[i]) {
        scan.peak_bits[i] = magnitude;
        scan.peak_row[i] = row_index;
    }
}

// Scans coordinates i … d − 1 of the row x (the first i already stepped through `row`); the
// row's largest |x|.
template <typename Lanes>
[[gnu::always_inline]] inline float finish_scan(const float* x, std::size_t i,
                                                std::int32_t row_index, RowLanes<Lanes>& row,
                                                const ScanArrays& scan) {
    constexpr std::size_t kLanes = kLanesOf<Lanes>;
    for (; i + kLanes <= scan.d; i += kLanes) scan_step(x, i, row, scan);
    std::int32_t largest = 0;
    for (int k = 0; k < int(kLanes); ++k) largest = std::max(largest, row.largest[k]);
    for (; i < scan.d; ++i) scan_one(x, i, row_index, largest, scan);
    count_bins(scan);
    return std::bit_cast<float>(largest);
}

// Scans the whole row x as row `row_index` of its block; its largest |x|.
template <typename Lanes>
[[gnu::always_inline]] inline float scan_row(const float* x, std::int32_t row_index,
                                             MagnitudeScan& scan) {
    RowLanes<Lanes> row(row_index);
    return finish_scan(x, 0, row_index, row, arrays_of(scan));
}

}  // namespace lngeom::kernels
