#include "core/layer_curves.h"

#include <limits>

namespace lngeom {

LayerCurve layer_curve(const std::vector<SiteSummary>& sites, Metric metric) {
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    const auto column = std::size_t(column_of(metric));
    LayerCurve curve;
    for (const SiteSummary& site : sites) {
        const bool has = column < site.metrics.size();
        const Summary none{0, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
        const Summary& summary = has ? site.metrics[column] : none;
        curve.mean.push_back(summary.mean);
        curve.std.push_back(summary.std);
        curve.min.push_back(summary.min);
        curve.max.push_back(summary.max);
        curve.count.push_back(summary.count);
    }
    return curve;
}

}  // namespace lngeom
