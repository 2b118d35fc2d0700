#pragma once
// A metric's histogram at every site, one row per site over shared edges: the layer × value
// heatmap that shows a whole model's profile in one picture.

#include <Eigen/Core>
#include <cstdint>
#include <span>
#include <vector>

#include "core/charts/histogram_range.h"
#include "core/io/dump.h"

namespace lngeom {

using CountMatrix = Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct HeatmapBins {
    double low = 0;
    double high = 1;
    CountMatrix counts;  // n_sites × bins; a site without the metric has a row of zeros

    int bins() const { return int(counts.cols()); }
    double bin_width() const { return (high - low) / double(counts.cols()); }
};

// Row i is histogram_of(site_values[i], low, high, bins) (values outside the range uncounted).
HeatmapBins heatmap_bins(std::span<const std::span<const float>> site_values, double low,
                         double high, int bins);

// Each row divided by its own total (rows of zeros stay zero), so every site's shape shows
// whatever its token count.
Eigen::MatrixXd row_fractions(const CountMatrix& counts);

// The range of the valid values over all sites, made to have width (see histogram_range.h).
ValueRange values_range(std::span<const std::span<const float>> site_values);

// The range every site's histogram shares by default: for the angle to 1, the paper's window
// around 90° widened to whole degrees that hold every site's data; else values_range.
ValueRange default_layer_range(Metric metric, std::span<const std::span<const float>> site_values);

}  // namespace lngeom
