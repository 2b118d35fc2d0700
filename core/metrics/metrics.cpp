#include "core/metrics/metrics.h"

namespace lngeom {

namespace {

// Angles in whole degrees; magnitudes in 25 bins per decade from 1e−4 to 1e6, which holds the
// norms of every model we know (massive activations reach 1e4).
constexpr HistogramEdges kDegrees180{0, 180, 180, false};
constexpr HistogramEdges kDegrees90{0, 90, 90, false};
constexpr HistogramEdges kUnitInterval{0, 1, 100, false};
constexpr HistogramEdges kMagnitude{1e-4, 1e6, 250, true};
constexpr HistogramEdges kNoHistogram{};

}  // namespace

const std::array<MetricDescription, kMetricCount>& metric_descriptions() {
    static const std::array<MetricDescription, kMetricCount> descriptions{{
        {Metric::AngleToUniformDeg, "angle_to_uniform_deg", "angle to 1 (°)",
         "θ = atan2(‖x⊥‖, x·û): the angle between x and the uniform vector 1; 90° = orthogonal",
         false, kDegrees180},
        {Metric::Norm, "norm", "‖x‖", "L2 norm of the vector entering the norm layer", false,
         kMagnitude},
        {Metric::UniformComponent, "uniform_component", "c = x·û",
         "signed length of x along û = 1/√d, equal to √d·μ", false, kNoHistogram},
        {Metric::AbsCosToUniform, "abs_cos_to_uniform", "|cos θ|",
         "|c| / ‖x‖: how much of x points along 1 (0 = orthogonal)", false, kUnitInterval},
        {Metric::Sigma, "sigma", "σ", "population standard deviation of x's coordinates", false,
         kMagnitude},
        {Metric::Rms, "rms", "rms", "root mean square of x's coordinates, ‖x‖/√d", false,
         kMagnitude},
        {Metric::LnStandardizedNorm, "ln_standardized_norm", "‖y‖",
         "norm of LayerNorm's standardization y = x⊥/√(σ²+ε), √d·σ/√(σ²+ε)", false, kMagnitude},
        {Metric::LnVsRmsDeg, "ln_vs_rms_deg", "angle(y, r) (°)",
         "angle between LayerNorm's y and RMSNorm's r, equal to |90° − θ|", false, kDegrees90},
        {Metric::MaxAbs, "max_abs", "max |xᵢ|",
         "the largest coordinate magnitude: massive activations reach 10³–10⁴ (Sun et al.)", false,
         kMagnitude},
        {Metric::Top1EnergyShare, "top1_energy_share", "max xᵢ² / ‖x‖²",
         "share of ‖x‖² in the largest coordinate: near 1 for a massive activation", false,
         kUnitInterval},
        {Metric::OutputNorm, "output_norm", "‖output‖", "L2 norm of what the norm module returned",
         true, kMagnitude},
        {Metric::RotationDeg, "rotation_deg", "rotation (°)",
         "angle between x and the module's output (the paper's Table 4)", true, kDegrees180},
    }};
    return descriptions;
}

const MetricDescription& describe(Metric metric) {
    return metric_descriptions()[static_cast<std::size_t>(metric)];
}

std::optional<Metric> metric_from_key(std::string_view key) {
    for (const MetricDescription& description : metric_descriptions())
        if (description.key == key) return description.metric;
    return std::nullopt;
}

int metric_count(bool has_output) { return has_output ? kMetricCount : kInputMetricCount; }

std::vector<Metric> site_metrics(bool has_output) {
    std::vector<Metric> metrics;
    for (int i = 0; i < metric_count(has_output); ++i) metrics.push_back(static_cast<Metric>(i));
    return metrics;
}

}  // namespace lngeom
