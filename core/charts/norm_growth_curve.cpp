#include "core/charts/norm_growth_curve.h"

#include <limits>

#include "core/metrics/metrics.h"

namespace lngeom {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void append_norm(NormGrowthCurve& curve, const SiteSummary& site) {
    const auto column = std::size_t(column_of(Metric::Norm));
    const bool known = column < site.metrics.size() && site.metrics[column].count > 0;
    const Summary& norm = known ? site.metrics[column] : Summary{};
    curve.mean.push_back(known ? norm.mean : kNaN);
    curve.p01.push_back(known ? norm.p01 : kNaN);
    curve.p50.push_back(known ? norm.p50 : kNaN);
    curve.p99.push_back(known ? norm.p99 : kNaN);
}

}  // namespace

NormGrowthCurve norm_growth_curve(const std::vector<SiteSummary>& summaries,
                                  const std::vector<UpdateSummary>& updates) {
    NormGrowthCurve curve;
    for (const SiteSummary& site : summaries) append_norm(curve, site);
    const std::size_t sites = summaries.size();
    for (auto* series :
         {&curve.update_mean, &curve.update_p10, &curve.update_p50, &curve.update_p90})
        series->assign(sites, kNaN);
    curve.update_tokens.assign(sites, 0);
    for (const UpdateSummary& update : updates) {
        const SiteIndex to = update.pair.to;
        if (to >= sites || update.tokens == 0) continue;
        curve.update_mean[to] = update.mean;
        curve.update_p10[to] = update.p10;
        curve.update_p50[to] = update.p50;
        curve.update_p90[to] = update.p90;
        curve.update_tokens[to] = update.tokens;
        ++curve.pairs;
    }
    return curve;
}

}  // namespace lngeom
