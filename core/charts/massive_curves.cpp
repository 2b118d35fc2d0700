#include "core/charts/massive_curves.h"

#include <limits>

#include "core/state/site_state.h"

namespace lngeom {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// report.top_dims is sorted by peak, descending; a site without valid tokens has no peak.
double peak_of_rank(const MassiveReport& report, std::size_t rank) {
    if (report.tokens == 0 || rank >= report.top_dims.size()) return kNaN;
    return report.top_dims[rank].max_abs;
}

}  // namespace

MassiveCurves massive_curves(const std::vector<MassiveReport>& sites) {
    MassiveCurves curves;
    for (const MassiveReport& site : sites) {
        for (std::size_t rank = 0; rank < curves.top.size(); ++rank)
            curves.top[rank].push_back(peak_of_rank(site, rank));
        const bool empty = site.tokens == 0;
        curves.median.push_back(empty ? kNaN : site.median_abs);
        curves.threshold.push_back(empty ? kNaN : site.threshold);
        curves.flagged.push_back(site.tokens_flagged);
        curves.total_flagged += site.tokens_flagged;
    }
    return curves;
}

MassiveSites site_massive_reports(const Dump& dump, const PassOptions& pass,
                                  const MassiveThresholds& thresholds) {
    const std::vector<SiteState> states = run_statistics_pass(dump, pass);
    MassiveSites sites;
    std::vector<const MassiveState*> massive;
    for (const SiteState& state : states) {
        sites.reports.push_back(report_massive(state.massive(), thresholds));
        massive.push_back(&state.massive());
    }
    sites.int8 = int8_outliers(massive);
    return sites;
}

}  // namespace lngeom
