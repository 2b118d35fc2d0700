#include "core/analysis/massive_activations.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "core/analysis/magnitude_scan.h"
#include "core/metrics/token_metrics.h"

namespace lngeom {

bool reaches_threshold(double magnitude, double threshold) {
    const double top = std::numeric_limits<float>::max();
    return magnitude_bin(float(std::min(magnitude, top))) >=
           magnitude_bin(float(std::min(threshold, top)));
}

MassiveState::MassiveState(Index d)
    : peak_abs_(size_t(d), 0.0),
      peak_row_(size_t(d), -1),
      peak_position_(size_t(d), -1),
      int8_tokens_(size_t(d), 0) {}

void MassiveState::take_peak(Index dim, double magnitude, std::int64_t row, std::int32_t position) {
    const size_t i = size_t(dim);
    const bool larger = magnitude > peak_abs_[i] ||
                        (magnitude == peak_abs_[i] && (peak_row_[i] < 0 || row < peak_row_[i]));
    if (!larger) return;
    peak_abs_[i] = magnitude;
    peak_row_[i] = row;
    peak_position_[i] = position;
}

template <typename Scalar>
void MassiveState::add_row(const Scalar* x, std::int64_t row, std::int32_t position) {
    double largest = 0;
    int low = kMagnitudeBins, high = 0;
    bins_.resize(size_t(d()));
    for (Index i = 0; i < d(); ++i) {
        const double magnitude = std::abs(double(x[i]));
        const int bin = magnitude_bin(float(magnitude));
        bins_[size_t(i)] = bin;
        low = std::min(low, bin);
        high = std::max(high, bin);
        largest = std::max(largest, magnitude);
        int8_tokens_[size_t(i)] += magnitude >= kInt8OutlierMagnitude;
        if (magnitude >= peak_abs_[size_t(i)]) take_peak(i, magnitude, row, position);
    }
    magnitudes_.add_bins(bins_, low, high);
    token_peaks_[position == 0 ? 0 : 1].add(float(largest));
}

// The same rules as add_row's, with the peaks and |x| ≥ 6 counts of the whole block folded in
// at its end (magnitude_scan.h).
void MassiveState::add_float_rows(const RowMatrixF& rows, std::int64_t first_row,
                                  std::span<const std::int32_t> positions,
                                  std::span<const std::uint8_t> flags) {
    MagnitudeScan scan(d());
    std::vector<float> largest(size_t(rows.rows()), 0.0f);
    for (Index r = 0; r < rows.rows(); ++r)
        if (!(flags[size_t(r)] & kInputInvalidMask))
            largest[size_t(r)] = scan_magnitudes(rows.row(r).data(), std::int32_t(r), scan);
    add_scanned(scan, largest, first_row, positions, flags);
}

void MassiveState::add_scanned(const MagnitudeScan& scan, std::span<const float> largest,
                               std::int64_t first_row, std::span<const std::int32_t> positions,
                               std::span<const std::uint8_t> flags) {
    if (Index(scan.peak_bits.size()) != d())
        throw std::invalid_argument(
            "massive-activation state of d = " + std::to_string(d()) +
            " given a scan of d = " + std::to_string(scan.peak_bits.size()));
    if (!positions.empty()) has_positions_ = true;
    const auto position_of = [&](Index r) { return positions.empty() ? -1 : positions[size_t(r)]; };
    for (size_t r = 0; r < flags.size(); ++r)
        if (!(flags[r] & kInputInvalidMask))
            token_peaks_[position_of(Index(r)) == 0 ? 0 : 1].add(largest[r]);
    add_bin_counts(scan, magnitudes_);
    for (Index i = 0; i < d(); ++i) {
        const size_t j = size_t(i);
        int8_tokens_[j] += scan.int8_rows[j];
        if (scan.peak_row[j] < 0) continue;
        take_peak(i, double(std::bit_cast<float>(scan.peak_bits[j])), first_row + scan.peak_row[j],
                  position_of(scan.peak_row[j]));
    }
}

void MassiveState::add(const RowBlock& rows, std::span<const std::int32_t> positions,
                       std::span<const std::uint8_t> flags) {
    if (!positions.empty()) has_positions_ = true;
    std::visit(
        [&](const auto& block) {
            if (block.cols() != d())
                throw std::invalid_argument(
                    "massive-activation state of d = " + std::to_string(d()) +
                    " given rows of d = " + std::to_string(block.cols()));
            using Scalar = typename std::decay_t<decltype(block)>::Scalar;
            if constexpr (std::is_same_v<Scalar, float>) {
                add_float_rows(block, rows.first_row, positions, flags);
            } else {
                for (Index r = 0; r < block.rows(); ++r) {
                    if (flags[size_t(r)] & kInputInvalidMask) continue;
                    const std::int32_t position = positions.empty() ? -1 : positions[size_t(r)];
                    add_row(block.row(r).data(), rows.first_row + r, position);
                }
            }
        },
        rows.rows);
}

void MassiveState::merge(const MassiveState& other) {
    if (other.d() != d())
        throw std::invalid_argument("cannot merge massive-activation states of d = " +
                                    std::to_string(d()) + " and " + std::to_string(other.d()));
    magnitudes_.merge(other.magnitudes_);
    for (size_t k = 0; k < token_peaks_.size(); ++k) token_peaks_[k].merge(other.token_peaks_[k]);
    has_positions_ = has_positions_ || other.has_positions_;
    for (Index i = 0; i < d(); ++i) {
        const size_t j = size_t(i);
        if (other.peak_row_[j] >= 0)
            take_peak(i, other.peak_abs_[j], other.peak_row_[j], other.peak_position_[j]);
        int8_tokens_[j] += other.int8_tokens_[j];
    }
}

void MassiveState::assign(MagnitudeCounts magnitudes, std::array<MagnitudeCounts, 2> token_peaks,
                          bool has_positions, std::vector<double> peak_abs,
                          std::vector<std::int64_t> peak_row,
                          std::vector<std::int32_t> peak_position,
                          std::vector<std::int64_t> int8_tokens) {
    const size_t d = peak_abs.size();
    if (peak_row.size() != d || peak_position.size() != d || int8_tokens.size() != d)
        throw std::invalid_argument(
            "the per-dimension arrays of a massive-activation state "
            "have different lengths");
    magnitudes_ = std::move(magnitudes);
    token_peaks_ = std::move(token_peaks);
    has_positions_ = has_positions;
    peak_abs_ = std::move(peak_abs);
    peak_row_ = std::move(peak_row);
    peak_position_ = std::move(peak_position);
    int8_tokens_ = std::move(int8_tokens);
}

std::size_t MassiveState::bytes() const {
    std::size_t total = magnitudes_.bytes();
    for (const MagnitudeCounts& peaks : token_peaks_) total += peaks.bytes();
    return total + size_t(d()) * (sizeof(double) + 2 * sizeof(std::int64_t) + sizeof(std::int32_t));
}

std::size_t MassiveState::max_bytes(Index d) {
    return 3 * MagnitudeCounts::max_bytes() +
           size_t(d) * (sizeof(double) + 2 * sizeof(std::int64_t) + sizeof(std::int32_t));
}

namespace {

std::vector<MassiveDimension> top_dimensions(const MassiveState& state, int count) {
    std::vector<Index> dims(size_t(state.d()));
    std::iota(dims.begin(), dims.end(), Index(0));
    const size_t kept = std::min(dims.size(), size_t(std::max(count, 0)));
    std::partial_sort(dims.begin(), dims.begin() + std::ptrdiff_t(kept), dims.end(),
                      [&](Index a, Index b) {
                          const double pa = state.peak_abs()[size_t(a)];
                          const double pb = state.peak_abs()[size_t(b)];
                          return pa > pb || (pa == pb && a < b);
                      });
    std::vector<MassiveDimension> top;
    for (size_t k = 0; k < kept; ++k) {
        const size_t i = size_t(dims[k]);
        if (state.peak_row()[i] < 0) break;  // no token seen
        top.push_back(
            {dims[k], state.peak_abs()[i], state.peak_row()[i], state.peak_position()[i]});
    }
    return top;
}

}  // namespace

MassiveReport report_massive(const MassiveState& state, const MassiveThresholds& thresholds,
                             int top_dims) {
    MassiveReport report;
    report.thresholds = thresholds;
    report.median_abs = state.magnitudes().quantile(0.5);
    report.threshold = std::isnan(report.median_abs)
                           ? thresholds.absolute
                           : std::max(thresholds.absolute, thresholds.ratio * report.median_abs);
    const MagnitudeCounts& first = state.token_peaks(true);
    const MagnitudeCounts& later = state.token_peaks(false);
    report.has_positions = state.has_positions();
    report.first_position_tokens = first.total();
    report.later_tokens = later.total();
    report.first_position_flagged = first.count_from(report.threshold);
    report.later_flagged = later.count_from(report.threshold);
    report.tokens = report.first_position_tokens + report.later_tokens;
    report.tokens_flagged = report.first_position_flagged + report.later_flagged;
    report.fraction_flagged = report.tokens ? double(report.tokens_flagged) / double(report.tokens)
                                            : std::numeric_limits<double>::quiet_NaN();
    report.top_dims = top_dimensions(state, top_dims);
    return report;
}

namespace {

std::int64_t valid_tokens(const MassiveState& site) {
    return site.token_peaks(true).total() + site.token_peaks(false).total();
}

// The sites of width d where dimension i has |x| ≥ 6 at ≥ 6 % of the tokens, per dimension.
std::vector<int> sites_reaching_token_share(const std::vector<const MassiveState*>& sites, Index d,
                                            int& counted) {
    std::vector<int> sites_with(size_t(d), 0);
    counted = 0;
    for (const MassiveState* site : sites) {
        const std::int64_t tokens = valid_tokens(*site);
        if (site->d() != d || tokens == 0) continue;
        ++counted;
        for (Index i = 0; i < d; ++i)
            sites_with[size_t(i)] += double(site->int8_outlier_tokens()[size_t(i)]) >=
                                     kInt8OutlierTokenShare * double(tokens);
    }
    return sites_with;
}

}  // namespace

std::vector<Int8Outliers> int8_outliers(const std::vector<const MassiveState*>& sites) {
    std::vector<Int8Outliers> widths;
    for (const MassiveState* site : sites) {
        const Index d = site->d();
        if (std::any_of(widths.begin(), widths.end(),
                        [d](const Int8Outliers& seen) { return seen.d == d; }))
            continue;
        Int8Outliers outliers;
        outliers.d = d;
        const std::vector<int> sites_with = sites_reaching_token_share(sites, d, outliers.sites);
        for (Index i = 0; i < d; ++i) {
            if (outliers.sites == 0 ||
                double(sites_with[size_t(i)]) < kInt8OutlierSiteShare * outliers.sites)
                continue;
            outliers.dims.push_back(i);
            outliers.sites_with.push_back(sites_with[size_t(i)]);
        }
        widths.push_back(std::move(outliers));
    }
    return widths;
}

}  // namespace lngeom
