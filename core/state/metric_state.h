#pragma once
// What the mergeable state keeps of one metric's per-token values at one site: moments (count,
// mean, M2, min, max), a fixed-edge histogram, a quantile sketch and the extreme tokens. Every
// piece merges exactly (counts) or by Chan's formula (mean, M2), so the state of all rows is
// the merge of the states of any split of them.

#include <cstdint>
#include <optional>

#include "core/io/dump.h"
#include "core/metrics/metrics.h"
#include "core/metrics/statistics.h"
#include "core/state/extremes.h"
#include "core/state/fixed_histogram.h"
#include "core/state/quantile_sketch.h"
#include "core/state/state_codec.h"

namespace lngeom {

class MetricState {
  public:
    explicit MetricState(const MetricDescription& metric);

    // The values of `n` consecutive rows from `first_row` on, `stride` apart in memory (a
    // column of a row-major block); NaN (an invalid token) is skipped by every piece.
    void add_column(const double* values, Index stride, Index n, std::int64_t first_row);
    // The state of other rows of the same site and metric.
    void merge(const MetricState& other);

    Metric metric() const { return metric_; }
    const Moments& moments() const { return moments_; }
    const std::optional<FixedHistogram>& histogram() const { return histogram_; }
    const QuantileSketch& quantiles() const { return quantiles_; }
    const Extremes& extremes() const { return extremes_; }

    // mean, std, min and max from the moments, p01, p50 and p99 from the sketch.
    Summary summary() const;

    std::size_t bytes() const;
    // At most, for `values` tokens.
    static std::size_t max_bytes(const MetricDescription& metric, std::int64_t values);

    void write(StateWriter& out) const;
    // Reads a state written for the same metric; FormatError from the reader otherwise.
    void read(StateReader& in);

  private:
    Metric metric_;
    Moments moments_;
    std::optional<FixedHistogram> histogram_;
    QuantileSketch quantiles_;
    Extremes extremes_;
};

}  // namespace lngeom
