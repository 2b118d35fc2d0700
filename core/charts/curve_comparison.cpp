#include "core/charts/curve_comparison.h"

#include <limits>
#include <stdexcept>

namespace lngeom {

LayerCurve aligned_curve(const LayerCurve& curve, const std::vector<AlignedSite>& rows, Side side) {
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    LayerCurve aligned;
    for (const AlignedSite& row : rows) {
        const auto site = side == Side::Left ? row.left : row.right;
        const bool has = site && *site < curve.size();
        aligned.mean.push_back(has ? curve.mean[*site] : kNaN);
        aligned.std.push_back(has ? curve.std[*site] : kNaN);
        aligned.min.push_back(has ? curve.min[*site] : kNaN);
        aligned.max.push_back(has ? curve.max[*site] : kNaN);
        aligned.count.push_back(has ? curve.count[*site] : 0);
    }
    return aligned;
}

std::vector<double> mean_differences(const LayerCurve& left, const LayerCurve& right) {
    if (left.size() != right.size())
        throw std::invalid_argument(
            "mean_differences: the curves must be aligned to the same rows");
    std::vector<double> differences;
    for (std::size_t row = 0; row < left.size(); ++row)
        differences.push_back(right.mean[row] - left.mean[row]);
    return differences;
}

}  // namespace lngeom
