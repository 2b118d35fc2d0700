#include "core/metrics/metrics.h"

namespace lngeom {

const std::array<MetricDescription, kMetricCount>& metric_descriptions() {
    static const std::array<MetricDescription, kMetricCount> descriptions{{
        {Metric::AngleToUniformDeg, "angle_to_uniform_deg", "angle to 1 (°)",
         "θ = atan2(‖x⊥‖, x·û): the angle between x and the uniform vector 1; 90° = orthogonal",
         false},
        {Metric::Norm, "norm", "‖x‖", "L2 norm of the vector entering the norm layer", false},
        {Metric::UniformComponent, "uniform_component", "c = x·û",
         "signed length of x along û = 1/√d, equal to √d·μ", false},
        {Metric::AbsCosToUniform, "abs_cos_to_uniform", "|cos θ|",
         "|c| / ‖x‖: how much of x points along 1 (0 = orthogonal)", false},
        {Metric::Sigma, "sigma", "σ", "population standard deviation of x's coordinates", false},
        {Metric::Rms, "rms", "rms", "root mean square of x's coordinates, ‖x‖/√d", false},
        {Metric::LnStandardizedNorm, "ln_standardized_norm", "‖y‖",
         "norm of LayerNorm's standardization y = x⊥/√(σ²+ε), √d·σ/√(σ²+ε)", false},
        {Metric::LnVsRmsDeg, "ln_vs_rms_deg", "angle(y, r) (°)",
         "angle between LayerNorm's y and RMSNorm's r, equal to |90° − θ|", false},
        {Metric::OutputNorm, "output_norm", "‖output‖", "L2 norm of what the norm module returned",
         true},
        {Metric::RotationDeg, "rotation_deg", "rotation (°)",
         "angle between x and the module's output (the paper's Table 4)", true},
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
