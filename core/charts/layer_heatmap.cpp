#include "core/charts/layer_heatmap.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/metrics/statistics.h"

namespace lngeom {

HeatmapBins heatmap_bins(std::span<const std::span<const float>> site_values, double low,
                         double high, int bins) {
    HeatmapBins heatmap{low, high, CountMatrix::Zero(Index(site_values.size()), bins)};
    for (SiteIndex site = 0; site < site_values.size(); ++site) {
        const Histogram histogram = histogram_of(site_values[site], low, high, bins);
        for (int bin = 0; bin < bins; ++bin)
            heatmap.counts(Index(site), bin) = histogram.counts[std::size_t(bin)];
    }
    return heatmap;
}

Eigen::MatrixXd row_fractions(const CountMatrix& counts) {
    Eigen::MatrixXd fractions = counts.cast<double>();
    for (Index row = 0; row < fractions.rows(); ++row) {
        const double total = fractions.row(row).sum();
        if (total > 0) fractions.row(row) /= total;
    }
    return fractions;
}

ValueRange values_range(std::span<const std::span<const float>> site_values) {
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (std::span<const float> values : site_values)
        for (float value : values)
            if (!std::isnan(value)) {
                low = std::min(low, double(value));
                high = std::max(high, double(value));
            }
    if (!(low <= high)) return {};
    return enclosing_range({low, high}, {low, high});
}

ValueRange default_layer_range(Metric metric, std::span<const std::span<const float>> site_values) {
    const ValueRange data = values_range(site_values);
    if (metric != Metric::AngleToUniformDeg) return data;
    return enclosing_range(kOrthogonalAngleWindow, {std::floor(data.low), std::ceil(data.high)});
}

}  // namespace lngeom
