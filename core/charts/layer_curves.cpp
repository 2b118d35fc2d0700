#include "core/charts/layer_curves.h"

#include <limits>

#include "core/columns/column_statistics.h"

namespace lngeom {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const Summary kNoSummary{0, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};

void append(LayerCurve& curve, const Summary& summary) {
    curve.mean.push_back(summary.mean);
    curve.std.push_back(summary.std);
    curve.min.push_back(summary.min);
    curve.max.push_back(summary.max);
    curve.count.push_back(summary.count);
}

}  // namespace

LayerCurve layer_curve(const std::vector<SiteSummary>& sites, Metric metric) {
    const auto column = std::size_t(column_of(metric));
    LayerCurve curve;
    for (const SiteSummary& site : sites)
        append(curve, column < site.metrics.size() ? site.metrics[column] : kNoSummary);
    return curve;
}

LayerCurve layer_curve_of_tokens(std::span<const std::shared_ptr<const ColumnSource>> sites,
                                 Metric metric, const TokenSet& tokens,
                                 const std::atomic<bool>* cancel) {
    LayerCurve curve;
    for (const auto& site : sites) {
        const Moments moments = site && site->has(metric)
                                    ? column_moments_of_tokens(*site, metric, tokens, cancel)
                                    : Moments{};
        const bool empty = moments.count == 0;
        append(curve, {moments.count, empty ? kNaN : moments.mean, moments.std(),
                       empty ? kNaN : moments.min, empty ? kNaN : moments.max, kNaN, kNaN, kNaN});
    }
    return curve;
}

}  // namespace lngeom
