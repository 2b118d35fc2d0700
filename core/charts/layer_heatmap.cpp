#include "core/charts/layer_heatmap.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/columns/column_statistics.h"

namespace lngeom {

HeatmapBins heatmap_bins(std::span<const std::shared_ptr<const ColumnSource>> sites, Metric metric,
                         double low, double high, int bins, const std::atomic<bool>* cancel) {
    HeatmapBins heatmap{low, high, CountMatrix::Zero(Index(sites.size()), bins)};
    for (SiteIndex site = 0; site < sites.size(); ++site) {
        if (!sites[site] || !sites[site]->has(metric)) continue;
        const Histogram histogram = column_histogram(*sites[site], metric, low, high, bins, cancel);
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

ValueRange values_range(const std::vector<SiteSummary>& sites, Metric metric) {
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    const auto column = std::size_t(column_of(metric));
    for (const SiteSummary& site : sites)
        if (column < site.metrics.size() && site.metrics[column].count > 0) {
            low = std::min(low, double(float(site.metrics[column].min)));
            high = std::max(high, double(float(site.metrics[column].max)));
        }
    if (!(low <= high)) return {};
    return enclosing_range({low, high}, {low, high});
}

ValueRange default_layer_range(Metric metric, const std::vector<SiteSummary>& sites) {
    const ValueRange data = values_range(sites, metric);
    if (metric != Metric::AngleToUniformDeg) return data;
    return enclosing_range(kOrthogonalAngleWindow, {std::floor(data.low), std::ceil(data.high)});
}

}  // namespace lngeom
