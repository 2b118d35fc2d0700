#pragma once
// Counts of magnitudes |x| on a fixed geometric grid of 2^(1/32) steps (2.2 %): a magnitude's
// bin is its float's exponent and top five mantissa bits, found with a shift, no logarithm. That
// makes it cheap enough to count every coordinate of every token (n·d values per site) in the
// streaming pass, which the median |x| of massive activations needs; counts of the same grid
// merge by adding, exactly. Memory: at most kMagnitudeBins counts, kept over the range of bins
// seen.

#include <cstdint>
#include <span>
#include <vector>

namespace lngeom {

inline constexpr int kMagnitudeBins = 1 << 13;  // 8 exponent bits and 5 mantissa bits
// A bin is a float's bits without the sign, shifted right by this.
inline constexpr int kMagnitudeBinShift = 18;

// The bin of a finite magnitude ≥ 0 (its sign is ignored); 0 and tiny subnormals fall in bin 0.
inline int magnitude_bin(float magnitude) {
    std::uint32_t bits;
    static_assert(sizeof bits == sizeof magnitude);
    __builtin_memcpy(&bits, &magnitude, sizeof bits);
    return int((bits & 0x7fffffffu) >> kMagnitudeBinShift);
}
// The bin's edges: [low, high), exact floats; high of the last bin is +∞.
double magnitude_bin_low(int bin);
double magnitude_bin_high(int bin);

class MagnitudeCounts {
  public:
    void add(float magnitude, std::int64_t count = 1);  // finite magnitudes only
    // One count for each of `bins` (magnitude_bin values), all within [low, high].
    void add_bins(std::span<const int> bins, int low, int high);
    void merge(const MagnitudeCounts& other);

    std::int64_t total() const { return total_; }
    // The q-quantile (q in [0, 1]) with numpy's 'linear' rule on the order statistics, each
    // read by linear interpolation inside its bin: within one bin width (2.2 %) of the exact
    // quantile. NaN when empty.
    double quantile(double q) const;
    // Magnitudes counted in the bins from `threshold`'s bin up: every magnitude ≥ threshold,
    // and those less than one bin below it (none when the threshold is a bin edge, as 100 is).
    std::int64_t count_from(double threshold) const;

    int first_bin() const { return first_; }
    const std::vector<std::int64_t>& counts() const { return counts_; }  // bins first_bin() …
    // Replaces the counts (for decoding); std::invalid_argument when they leave the grid or are
    // negative.
    void assign(int first_bin, std::vector<std::int64_t> counts);

    std::size_t bytes() const { return counts_.capacity() * sizeof(std::int64_t); }
    static constexpr std::size_t max_bytes() { return kMagnitudeBins * sizeof(std::int64_t); }

  private:
    void cover(int low, int high);  // widens the kept range to bins [low, high]
    // The value of the order statistic `rank` (0 … total − 1).
    double order_statistic(std::int64_t rank) const;

    int first_ = 0;
    std::vector<std::int64_t> counts_;
    std::int64_t total_ = 0;
};

}  // namespace lngeom
