#include "core/charts/histogram_bars.h"

#include <cmath>
#include <stdexcept>

namespace lngeom {

std::vector<double> bin_edges(const Histogram& histogram) {
    const int bins = int(histogram.counts.size());
    std::vector<double> edges;
    for (int bin = 0; bin < bins; ++bin) edges.push_back(histogram.bin_low(bin));
    edges.push_back(histogram.high);
    return edges;
}

HistogramBars histogram_bars(const Histogram& site, const Histogram* selection, bool log_counts) {
    if (selection && selection->counts.size() != site.counts.size())
        throw std::invalid_argument("histogram_bars: the selection needs the site's bins");
    const auto height = [log_counts](double count) {
        return log_counts ? std::log10(1.0 + count) : count;
    };
    HistogramBars bars{bin_edges(site), {}, {}};
    for (std::size_t bin = 0; bin < site.counts.size(); ++bin) {
        const double chosen = selection ? height(double(selection->counts[bin])) : 0.0;
        bars.selected.push_back(chosen);
        bars.rest.push_back(height(double(site.counts[bin])) - chosen);
    }
    return bars;
}

}  // namespace lngeom
