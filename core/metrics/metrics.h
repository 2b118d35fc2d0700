#pragma once
// The per-token metrics lngeom computes (docs/METRICS.md): their keys, labels and definitions.
// Metric values are stored in this order, so a metric's enum value is its column index.

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace lngeom {

enum class Metric {
    AngleToUniformDeg,
    Norm,
    UniformComponent,
    AbsCosToUniform,
    Sigma,
    Rms,
    LnStandardizedNorm,
    LnVsRmsDeg,
    MaxAbs,
    Top1EnergyShare,
    OutputNorm,  // needs the site's output
    RotationDeg  // needs the site's output
};

inline constexpr int kMetricCount = 12;
inline constexpr int kInputMetricCount = 10;

// The fixed edges of a metric's histogram in the mergeable state (core/state/): `bins` equal
// bins over [low, high], or over [log10 low, log10 high] when `log_scale`. Edges are fixed in
// advance so that histograms of different rows merge by adding counts; bins = 0: no histogram
// (a signed metric without natural bounds).
struct HistogramEdges {
    double low = 0;
    double high = 0;
    int bins = 0;
    bool log_scale = false;
};

struct MetricDescription {
    Metric metric;
    std::string_view key;         // machine name, e.g. "angle_to_uniform_deg"
    std::string_view label;       // axis label with unit, e.g. "angle to 1 (°)"
    std::string_view definition;  // one line, for tooltips
    bool needs_output;
    HistogramEdges histogram;
};

const std::array<MetricDescription, kMetricCount>& metric_descriptions();
const MetricDescription& describe(Metric metric);
std::optional<Metric> metric_from_key(std::string_view key);

// The metrics a site has, in column order: the input metrics, then the output ones if it has
// output.
std::vector<Metric> site_metrics(bool has_output);
int metric_count(bool has_output);

inline int column_of(Metric metric) { return static_cast<int>(metric); }

}  // namespace lngeom
