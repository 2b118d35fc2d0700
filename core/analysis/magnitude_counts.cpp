#include "core/analysis/magnitude_counts.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace lngeom {

namespace {

float float_of_bits(std::uint32_t bits) {
    float value;
    __builtin_memcpy(&value, &bits, sizeof value);
    return value;
}

}  // namespace

double magnitude_bin_low(int bin) {
    return float_of_bits(std::uint32_t(bin) << kMagnitudeBinShift);
}

double magnitude_bin_high(int bin) {
    if (bin + 1 >= kMagnitudeBins) return std::numeric_limits<double>::infinity();
    return magnitude_bin_low(bin + 1);
}

void MagnitudeCounts::cover(int low, int high) {
    if (counts_.empty()) {
        first_ = low;
        counts_.assign(size_t(high - low + 1), 0);
        return;
    }
    const int last = first_ + int(counts_.size()) - 1;
    if (low >= first_ && high <= last) return;
    const int new_first = std::min(low, first_), new_last = std::max(high, last);
    std::vector<std::int64_t> wider(size_t(new_last - new_first + 1), 0);
    std::copy(counts_.begin(), counts_.end(), wider.begin() + (first_ - new_first));
    counts_ = std::move(wider);
    first_ = new_first;
}

void MagnitudeCounts::add(float magnitude, std::int64_t count) {
    const int bin = magnitude_bin(magnitude);
    cover(bin, bin);
    counts_[size_t(bin - first_)] += count;
    total_ += count;
}

void MagnitudeCounts::add_bins(std::span<const int> bins, int low, int high) {
    if (bins.empty()) return;
    cover(low, high);
    for (const int bin : bins) ++counts_[size_t(bin - first_)];
    total_ += std::int64_t(bins.size());
}

void MagnitudeCounts::merge(const MagnitudeCounts& other) {
    if (other.counts_.empty()) return;
    cover(other.first_, other.first_ + int(other.counts_.size()) - 1);
    for (size_t i = 0; i < other.counts_.size(); ++i)
        counts_[size_t(other.first_ - first_) + i] += other.counts_[i];
    total_ += other.total_;
}

void MagnitudeCounts::assign(int first_bin, std::vector<std::int64_t> counts) {
    if (first_bin < 0 || first_bin + std::int64_t(counts.size()) > kMagnitudeBins)
        throw std::invalid_argument("magnitude bins " + std::to_string(first_bin) + " + " +
                                    std::to_string(counts.size()) + " leave the grid of " +
                                    std::to_string(kMagnitudeBins));
    std::int64_t total = 0;
    for (const std::int64_t count : counts) {
        if (count < 0) throw std::invalid_argument("a magnitude count is negative");
        total += count;
    }
    first_ = first_bin;
    counts_ = std::move(counts);
    total_ = total;
}

// The rank-th value of the bin holding it, spread evenly over the bin: the i-th of c values in
// [low, high) sits at low + (i + ½)/c·(high − low).
double MagnitudeCounts::order_statistic(std::int64_t rank) const {
    std::int64_t below = 0;
    for (size_t i = 0; i < counts_.size(); ++i) {
        const std::int64_t count = counts_[i];
        if (rank < below + count) {
            const int bin = first_ + int(i);
            const double low = magnitude_bin_low(bin);
            const double high =
                std::min(magnitude_bin_high(bin), double(std::numeric_limits<float>::max()));
            return low + (double(rank - below) + 0.5) / double(count) * (high - low);
        }
        below += count;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

double MagnitudeCounts::quantile(double q) const {
    if (total_ == 0) return std::numeric_limits<double>::quiet_NaN();
    const double position = std::clamp(q, 0.0, 1.0) * double(total_ - 1);
    const std::int64_t lower = std::int64_t(std::floor(position));
    const double fraction = position - double(lower);
    const double value = order_statistic(lower);
    if (fraction == 0) return value;
    return value + fraction * (order_statistic(lower + 1) - value);
}

std::int64_t MagnitudeCounts::count_from(double threshold) const {
    const int from =
        magnitude_bin(float(std::min(threshold, double(std::numeric_limits<float>::max()))));
    std::int64_t count = 0;
    for (size_t i = 0; i < counts_.size(); ++i)
        if (first_ + int(i) >= from) count += counts_[i];
    return count;
}

}  // namespace lngeom
