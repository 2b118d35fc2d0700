#include "core/state/fixed_histogram.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lngeom {

namespace {

Histogram empty_counts(const HistogramEdges& edges) {
    if (edges.log_scale && !(edges.low > 0))
        throw std::invalid_argument("a logarithmic histogram needs low > 0");
    return edges.log_scale ? Histogram(std::log10(edges.low), std::log10(edges.high), edges.bins)
                           : Histogram(edges.low, edges.high, edges.bins);
}

}  // namespace

FixedHistogram::FixedHistogram(const HistogramEdges& edges)
    : edges_(edges), counts_(empty_counts(edges)) {}

void FixedHistogram::add(double value) {
    if (!edges_.log_scale) {
        counts_.add(value);
    } else if (value > 0) {
        counts_.add(std::log10(value));
    } else if (!std::isnan(value)) {
        ++counts_.below;
    }
}

void FixedHistogram::merge(const FixedHistogram& other) {
    if (other.edges_.log_scale != edges_.log_scale)
        throw std::invalid_argument("histograms with different edges do not merge");
    counts_.merge(other.counts_);
}

void FixedHistogram::write(StateWriter& out) const {
    out.number(counts_.low);
    out.number(counts_.high);
    out.number<std::uint8_t>(edges_.log_scale);
    out.number(counts_.below);
    out.number(counts_.above);
    out.numbers(counts_.counts);
}

void FixedHistogram::read(StateReader& in) {
    const double low = in.number<double>(), high = in.number<double>();
    const bool log_scale = in.number<std::uint8_t>() != 0;
    const std::int64_t below = in.number<std::int64_t>(), above = in.number<std::int64_t>();
    std::vector<std::int64_t> counts = in.numbers<std::int64_t>();
    if (low != counts_.low || high != counts_.high || log_scale != edges_.log_scale ||
        counts.size() != counts_.counts.size())
        in.fail("a histogram's edges differ from this lngeom's for the metric");
    if (below < 0 || above < 0 ||
        std::any_of(counts.begin(), counts.end(), [](std::int64_t c) { return c < 0; }))
        in.fail("a histogram has a negative count");
    counts_.below = below;
    counts_.above = above;
    counts_.counts = std::move(counts);
}

}  // namespace lngeom
