#include "core/analysis/magnitude_scan.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "core/analysis/massive_activations.h"
#include "core/cpu_features.h"

namespace lngeom {

namespace {

// GCC's generic vectors of a register's width: 4 lanes with SSE2 (the x86-64 baseline), 8 in
// the AVX2 build. A wider vector than the target's registers is lowered through the stack.
using Ints4 = std::int32_t __attribute__((vector_size(4 * sizeof(std::int32_t))));
using Ints8 = std::int32_t __attribute__((vector_size(8 * sizeof(std::int32_t))));
template <typename V>
constexpr int kLanesOf = int(sizeof(V) / sizeof(std::int32_t));

constexpr std::int32_t kMagnitudeMask = 0x7fffffff;
constexpr std::int32_t kInt8Bits = std::bit_cast<std::int32_t>(float(kInt8OutlierMagnitude));

// target = mask ? value : target, lane by lane, written with bitwise operations: SSE2 has them
// but no 32-bit min, max or blend, and GCC lowers a vector ?: for SSE2 one lane at a time.
template <typename Lanes>
[[gnu::always_inline]] inline void take_where(Lanes& target, const Lanes& mask,
                                              const Lanes& value) {
    target = (mask & value) | (~mask & target);
}

// What a row's coordinates have shown so far, as bins and float bits.
struct Running {
    std::int32_t low = kMagnitudeBins, high = 0, largest = 0;
};

// The lanes' update in scan_row, for one coordinate.
[[gnu::always_inline]] inline void scan_one(std::int32_t magnitude, std::int32_t row, size_t i,
                                            MagnitudeScan& scan, Running& running) {
    const std::int32_t bin = magnitude >> kMagnitudeBinShift;
    scan.bins[i] = bin;
    running.low = std::min(running.low, bin);
    running.high = std::max(running.high, bin);
    running.largest = std::max(running.largest, magnitude);
    scan.int8_rows[i] += magnitude >= kInt8Bits;
    if (magnitude > scan.peak_bits[i]) {
        scan.peak_bits[i] = magnitude;
        scan.peak_row[i] = row;
    }
}

// Every coordinate but the last d mod the lanes; what the lanes saw, reduced.
template <typename Lanes>
[[gnu::always_inline]] inline Running scan_lanes(const float* x, std::int32_t row,
                                                 MagnitudeScan& scan) {
    static_assert(sizeof(float) == sizeof(std::int32_t));
    const size_t d = scan.peak_bits.size();
    const Lanes rows = Lanes{} + row;
    Lanes low = Lanes{} + kMagnitudeBins, high = Lanes{}, largest = Lanes{};
    constexpr int kLanes = kLanesOf<Lanes>;
    for (size_t i = 0; i + kLanes <= d; i += kLanes) {
        // Loads and stores through memcpy: the rows and the scan's arrays are not 32-byte aligned.
        Lanes magnitude, int8_rows, peak, peak_row;
        std::memcpy(&magnitude, x + i, sizeof magnitude);
        std::memcpy(&int8_rows, &scan.int8_rows[i], sizeof int8_rows);
        std::memcpy(&peak, &scan.peak_bits[i], sizeof peak);
        std::memcpy(&peak_row, &scan.peak_row[i], sizeof peak_row);
        magnitude &= kMagnitudeMask;
        const Lanes bin = magnitude >> kMagnitudeBinShift;
        // A true comparison is −1 in every bit.
        take_where(low, bin < low, bin);
        take_where(high, bin > high, bin);
        take_where(largest, magnitude > largest, magnitude);
        int8_rows -= magnitude >= kInt8Bits;
        const Lanes above = magnitude > peak;
        take_where(peak, above, magnitude);
        take_where(peak_row, above, rows);
        std::memcpy(&scan.bins[i], &bin, sizeof bin);
        std::memcpy(&scan.int8_rows[i], &int8_rows, sizeof int8_rows);
        std::memcpy(&scan.peak_bits[i], &peak, sizeof peak);
        std::memcpy(&scan.peak_row[i], &peak_row, sizeof peak_row);
    }
    Running running;
    for (int k = 0; k < kLanes; ++k) {
        running.low = std::min(running.low, low[k]);
        running.high = std::max(running.high, high[k]);
        running.largest = std::max(running.largest, largest[k]);
    }
    return running;
}

void count_bins(MagnitudeScan& scan) {
    for (const std::int32_t bin : scan.bins) ++scan.bin_counts[size_t(bin)];
}

template <typename Lanes>
[[gnu::always_inline]] inline float scan_row(const float* x, std::int32_t row,
                                             MagnitudeScan& scan) {
    Running running = scan_lanes<Lanes>(x, row, scan);
    constexpr size_t kLanes = kLanesOf<Lanes>;
    for (size_t i = scan.peak_bits.size() / kLanes * kLanes; i < scan.peak_bits.size(); ++i) {
        std::int32_t magnitude;
        std::memcpy(&magnitude, x + i, sizeof magnitude);
        scan_one(magnitude & kMagnitudeMask, row, i, scan, running);
    }
    count_bins(scan);
    scan.low_bin = std::min(scan.low_bin, int(running.low));
    scan.high_bin = std::max(scan.high_bin, int(running.high));
    return std::bit_cast<float>(running.largest);
}

#if defined(__x86_64__)
[[gnu::target("avx2")]] float scan_row_avx2(const float* x, std::int32_t row, MagnitudeScan& scan) {
    return scan_row<Ints8>(x, row, scan);
}
#endif

}  // namespace

MagnitudeScan::MagnitudeScan(Index d)
    : peak_bits(size_t(d), -1),
      peak_row(size_t(d), -1),
      int8_rows(size_t(d), 0),
      bin_counts(size_t(kMagnitudeBins), 0),
      bins(size_t(d), 0) {}

float scan_magnitudes(const float* x, std::int32_t row, MagnitudeScan& scan) {
#if defined(__x86_64__)
    if (cpu_has_avx2()) return scan_row_avx2(x, row, scan);
#endif
    return scan_row<Ints4>(x, row, scan);
}

void add_bin_counts(const MagnitudeScan& scan, MagnitudeCounts& counts) {
    if (scan.high_bin < scan.low_bin) return;
    const auto counted = scan.bin_counts.begin();
    std::vector<std::int64_t> range(counted + scan.low_bin, counted + scan.high_bin + 1);
    MagnitudeCounts block;
    block.assign(scan.low_bin, std::move(range));
    counts.merge(block);
}

}  // namespace lngeom
