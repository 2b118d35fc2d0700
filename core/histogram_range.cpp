#include "core/histogram_range.h"

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
    return with_width(summary.min, summary.max);
}

ValueRange enclosing_range(const ValueRange& a, const ValueRange& b) {
    return with_width(std::min(a.low, b.low), std::max(a.high, b.high));
}

}  // namespace lngeom
