#include "core/charts/histogram_range.h"

#include <algorithm>
#include <cmath>

namespace lngeom {

namespace {

// A range of one value (or none) still needs width for bins.
ValueRange with_width(double low, double high) {
    if (!std::isfinite(low) || !std::isfinite(high)) return {};
    if (high > low) return {low, high};
    const double half = std::max(std::abs(low) * 1e-3, 0.5);
    return {low - half, high + half};
}

}  // namespace

ValueRange default_histogram_range(Metric metric, const Summary& summary) {
    const bool has_data = summary.count > 0 && std::isfinite(summary.min);
    if (metric == Metric::AngleToUniformDeg) {
        if (!has_data) return kOrthogonalAngleWindow;
        return {std::min(kOrthogonalAngleWindow.low, std::floor(summary.min)),
                std::max(kOrthogonalAngleWindow.high, std::ceil(summary.max))};
    }
    if (!has_data) return {};
    // Summaries come from double arithmetic, the kept values are floats: the range must hold
    // the values as kept, which are min and max rounded to float.
    return with_width(double(float(summary.min)), double(float(summary.max)));
}

ValueRange enclosing_range(const ValueRange& a, const ValueRange& b) {
    return with_width(std::min(a.low, b.low), std::max(a.high, b.high));
}

}  // namespace lngeom
