#pragma once
// A metric's histogram at every site, one row per site over shared edges: the layer × value
// heatmap that shows a whole model's profile in one picture.

#include <Eigen/Core>
#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/charts/histogram_range.h"
#include "core/columns/column_source.h"
#include "core/io/dump.h"
#include "core/metrics/metrics_pass.h"

namespace lngeom {

using CountMatrix = Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct HeatmapBins {
    double low = 0;
    double high = 1;
    CountMatrix counts;  // n_sites × bins; a site without the metric has a row of zeros

    int bins() const { return int(counts.cols()); }
    double bin_width() const { return (high - low) / double(counts.cols()); }
};

// Row i is the histogram of `metric` at sites[i] (values outside the range uncounted; a null
// site or one without the metric gives a row of zeros), streamed from the columns.
HeatmapBins heatmap_bins(std::span<const std::shared_ptr<const ColumnSource>> sites, Metric metric,
                         double low, double high, int bins,
                         const std::atomic<bool>* cancel = nullptr);

// Each row divided by its own total (rows of zeros stay zero), so every site's shape shows
// whatever its token count.
Eigen::MatrixXd row_fractions(const CountMatrix& counts);

// The range of the metric's valid values over all sites (their summaries' min and max as stored,
// rounded to float), made to have width (see histogram_range.h).
ValueRange values_range(const std::vector<SiteSummary>& sites, Metric metric);

// The range every site's histogram shares by default: for the angle to 1, the paper's window
// around 90° widened to whole degrees that hold every site's data; else values_range.
ValueRange default_layer_range(Metric metric, const std::vector<SiteSummary>& sites);

}  // namespace lngeom
