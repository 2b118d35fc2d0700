#include "core/metrics/statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace lngeom {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

void Moments::add(double value) {
    if (std::isnan(value)) return;
    if (count == 0) min = max = value;
    min = std::min(min, value);
    max = std::max(max, value);
    ++count;
    const double delta = value - mean;
    mean += delta / double(count);
    m2 += delta * (value - mean);
}

void Moments::merge(const Moments& other) {
    if (other.count == 0) return;
    if (count == 0) {
        *this = other;
        return;
    }
    const double n_a = double(count), n_b = double(other.count), n = n_a + n_b;
    const double delta = other.mean - mean;
    mean += delta * n_b / n;
    m2 += other.m2 + delta * delta * n_a * n_b / n;
    count += other.count;
    min = std::min(min, other.min);
    max = std::max(max, other.max);
}

double Moments::variance() const { return count == 0 ? kNaN : m2 / double(count); }

double Moments::std() const { return std::sqrt(variance()); }

Moments moments_of(std::span<const float> values) {
    Moments moments;
    for (float value : values) moments.add(value);
    return moments;
}

// numpy's _lerp: a + (b − a)·t, switched to b − (b − a)·(1 − t) for t ≥ 0.5.
double interpolate_quantile(double below, double above, double fraction) {
    const double difference = above - below;
    return fraction >= 0.5 ? above - difference * (1.0 - fraction) : below + difference * fraction;
}

std::pair<std::size_t, double> quantile_position(std::size_t n, double q) {
    const double position = q * double(n - 1);
    const std::size_t below = std::min(std::size_t(position), n - 1);
    return {below, position - double(below)};
}

namespace {

template <typename Value>
double select_quantile_of(std::span<Value> values, double q) {
    if (values.empty()) return kNaN;
    const auto [below, fraction] = quantile_position(values.size(), q);
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(below), values.end());
    const auto upper = values.begin() + std::ptrdiff_t(below) + 1;
    const double a = values[below];
    return interpolate_quantile(
        a, upper == values.end() ? a : *std::min_element(upper, values.end()), fraction);
}

}  // namespace

double select_quantile(std::span<float> values, double q) { return select_quantile_of(values, q); }

double select_quantile(std::span<double> values, double q) { return select_quantile_of(values, q); }

double sorted_quantile(std::span<const float> sorted, double q) {
    if (sorted.empty()) return kNaN;
    const auto [below, fraction] = quantile_position(sorted.size(), q);
    return interpolate_quantile(sorted[below], sorted[std::min(below + 1, sorted.size() - 1)],
                                fraction);
}

Summary summarize(const Moments& moments, std::span<const float> values) {
    std::vector<float> valid;
    valid.reserve(values.size());
    std::copy_if(values.begin(), values.end(), std::back_inserter(valid),
                 [](float v) { return !std::isnan(v); });
    const bool empty = moments.count == 0;
    return {moments.count,
            empty ? kNaN : moments.mean,
            moments.std(),
            empty ? kNaN : moments.min,
            empty ? kNaN : moments.max,
            select_quantile(valid, 0.01),
            select_quantile(valid, 0.5),
            select_quantile(valid, 0.99)};
}

Summary summarize(std::span<const float> values) { return summarize(moments_of(values), values); }

Histogram::Histogram(double low, double high, int bins)
    : low(low), high(high), counts(size_t(std::max(bins, 0)), 0) {
    if (bins < 1 || !(high > low) || !std::isfinite(low) || !std::isfinite(high))
        throw std::invalid_argument(
            "a histogram needs at least one bin and finite low < high, "
            "not " +
            std::to_string(bins) + " bins over [" + std::to_string(low) + ", " +
            std::to_string(high) + "]");
}

void Histogram::add(double value) {
    if (std::isnan(value)) return;
    if (value < low) {
        ++below;
    } else if (value > high) {
        ++above;
    } else {
        ++counts[size_t(bin_of(value))];
    }
}

void Histogram::merge(const Histogram& other) {
    if (other.low != low || other.high != high || other.counts.size() != counts.size())
        throw std::invalid_argument("histograms with different edges do not merge");
    for (size_t i = 0; i < counts.size(); ++i) counts[i] += other.counts[i];
    below += other.below;
    above += other.above;
}

// The bin whose edges [bin_low(b), bin_low(b + 1)) hold the value: the division's guess, moved by
// one where rounding put it on the wrong side of an edge, so counts always agree with bin_low().
int Histogram::bin_of(double value) const {
    const int last = int(counts.size()) - 1;
    const double width = bin_width();  // bin_low(b) is low + width · b
    int bin = int(std::clamp((value - low) / width, 0.0, double(last)));
    if (bin > 0 && value < low + width * bin) --bin;
    if (bin < last && value >= low + width * (bin + 1)) ++bin;
    return bin;
}

double Histogram::bin_width() const { return (high - low) / double(counts.size()); }

double Histogram::bin_low(int bin) const { return low + bin_width() * bin; }

Histogram histogram_of(std::span<const float> values, double low, double high, int bins) {
    Histogram histogram(low, high, bins);
    for (float value : values) histogram.add(value);
    return histogram;
}

}  // namespace lngeom
