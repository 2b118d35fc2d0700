#pragma once
// A histogram over edges fixed before any value is seen (a metric's HistogramEdges), linear or
// logarithmic, with exact integer counts: histograms of different rows merge by adding counts.

#include <cstdint>

#include "core/metrics/metrics.h"
#include "core/metrics/statistics.h"
#include "core/state/state_codec.h"

namespace lngeom {

class FixedHistogram {
  public:
    // std::invalid_argument when the edges have no bins or are not finite with low < high (and
    // low > 0 on a log scale).
    explicit FixedHistogram(const HistogramEdges& edges);

    // NaN is skipped; values outside the edges (and values ≤ 0 on a log scale) count as below
    // or above.
    void add(double value);
    // std::invalid_argument when the edges differ.
    void merge(const FixedHistogram& other);

    const HistogramEdges& edges() const { return edges_; }
    // Bins over [low, high] — over [log10 low, log10 high] on a log scale — with below/above.
    const Histogram& counts() const { return counts_; }

    std::size_t bytes() const { return sizeof(std::int64_t) * counts_.counts.capacity(); }
    static std::size_t max_bytes(const HistogramEdges& edges) {
        return sizeof(std::int64_t) * std::size_t(edges.bins);
    }

    void write(StateWriter& out) const;
    // Reads counts written for the same edges; FormatError from the reader otherwise.
    void read(StateReader& in);

  private:
    HistogramEdges edges_;
    Histogram counts_;
};

}  // namespace lngeom
