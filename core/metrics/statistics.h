#pragma once
// Mergeable statistics of per-token metric values: running moments (Chan's parallel merge),
// numpy-compatible quantiles, and fixed-edge histograms. NaN values (invalid tokens) are
// skipped everywhere, so every statistic is over the same valid tokens.

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace lngeom {

// Count, mean, sum of squared deviations, min and max of a set of values; two sets' moments
// merge into those of their union.
struct Moments {
    std::int64_t count = 0;
    double mean = 0;
    double m2 = 0;  // Σ (v − mean)²
    double min = 0;
    double max = 0;

    void add(double value);  // NaN is skipped
    void merge(const Moments& other);
    double variance() const;  // population variance (numpy's default, ddof = 0); NaN when empty
    double std() const;
};

Moments moments_of(std::span<const float> values);

// The q-quantile (q in [0, 1]) of values sorted ascending without NaN, with numpy's default
// 'linear' method: position q·(n − 1), interpolated between its neighbours. NaN when empty.
double sorted_quantile(std::span<const float> sorted, double q);
// The same of unsorted NaN-free values, by selection in linear time (reorders `values`).
double select_quantile(std::span<float> values, double q);
double select_quantile(std::span<double> values, double q);

// The parts of numpy's 'linear' method, for quantiles of order statistics found otherwise:
// the position q·(n − 1) of n > 0 values as the order statistic below it and the fraction past
// it, and the interpolation between that order statistic and the next.
std::pair<std::size_t, double> quantile_position(std::size_t n, double q);
double interpolate_quantile(double below, double above, double fraction);

struct Summary {
    std::int64_t count = 0;                     // valid (non-NaN) values
    double mean, std, min, max, p01, p50, p99;  // NaN when count is 0
};

// Moments from `moments` (accumulated in double before the values were stored as float) and
// quantiles from the stored values themselves.
Summary summarize(const Moments& moments, std::span<const float> values);
Summary summarize(std::span<const float> values);

// Counts of values in `bins` equal-width bins over [low, high); a value equal to high goes into
// the last bin, values outside go to below/above. Histograms with the same edges merge.
struct Histogram {
    double low = 0;
    double high = 1;
    std::vector<std::int64_t> counts;
    std::int64_t below = 0;
    std::int64_t above = 0;

    Histogram(double low, double high, int bins);
    void add(double value);  // NaN is skipped
    // std::invalid_argument when the edges differ.
    void merge(const Histogram& other);
    double bin_width() const;
    double bin_low(int bin) const;
    int bin_of(double value) const;  // for low ≤ value ≤ high
};

// Re-binning: a histogram of the kept per-token values over any range and bin count.
Histogram histogram_of(std::span<const float> values, double low, double high, int bins);

}  // namespace lngeom
