#include "core/analysis/magnitude_scan.h"

#include <algorithm>
#include <vector>

#include "core/analysis/magnitude_lanes.h"
#include "core/cpu_features.h"

namespace lngeom {

namespace {

#if defined(__x86_64__)
[[gnu::target("avx2")]] float scan_row_avx2(const float* x, std::int32_t row, MagnitudeScan& scan) {
    return kernels::scan_row<kernels::Ints8>(x, row, scan);
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
    return kernels::scan_row<kernels::Ints4>(x, row, scan);
}

// The range of bins counted is found here rather than tracked coordinate by coordinate: a
// look at kMagnitudeBins counts per block instead of two more comparisons per coordinate.
void add_bin_counts(const MagnitudeScan& scan, MagnitudeCounts& counts) {
    const auto counted = [](std::uint32_t count) { return count != 0; };
    const auto& bins = scan.bin_counts;
    const auto low = std::find_if(bins.begin(), bins.end(), counted);
    if (low == bins.end()) return;
    const auto high = std::find_if(bins.rbegin(), bins.rend(), counted).base();
    MagnitudeCounts block;
    block.assign(int(low - bins.begin()), std::vector<std::int64_t>(low, high));
    counts.merge(block);
}

}  // namespace lngeom
