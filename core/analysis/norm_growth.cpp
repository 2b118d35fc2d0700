#include "core/analysis/norm_growth.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <tuple>

#include "core/analysis/sampled_runs.h"
#include "core/errors.h"
#include "core/metrics/statistics.h"

namespace lngeom {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

RowMatrixD rows_in_double(const RowBlock& block) {
    return std::visit([](const auto& rows) -> RowMatrixD { return rows.template cast<double>(); },
                      block.rows);
}

UpdateSummary summarize_updates(SitePair pair, std::vector<float> updates) {
    updates.erase(
        std::remove_if(updates.begin(), updates.end(), [](float v) { return std::isnan(v); }),
        updates.end());
    std::sort(updates.begin(), updates.end());
    UpdateSummary summary{pair, Index(updates.size()), kNaN, kNaN, kNaN, kNaN};
    if (updates.empty()) return summary;
    summary.mean = moments_of(updates).mean;
    summary.p10 = sorted_quantile(updates, 0.10);
    summary.p50 = sorted_quantile(updates, 0.50);
    summary.p90 = sorted_quantile(updates, 0.90);
    return summary;
}

}  // namespace

std::vector<SitePair> consecutive_site_pairs(const DumpInfo& info) {
    // The last site seen of each (kind name, d, n_tokens); every site of a stacked generic
    // dataset shares one kind.
    std::map<std::tuple<std::string, Index, Index>, std::size_t> last;
    std::vector<SitePair> pairs;
    for (std::size_t s = 0; s < info.sites.size(); ++s) {
        const SiteInfo& site = info.sites[s];
        const bool stacked = info.layout == Layout::Generic3D;
        if (site.site.empty() && !stacked) continue;
        const auto key =
            std::make_tuple(stacked ? std::string() : site.site, site.d, site.n_tokens);
        if (const auto found = last.find(key); found != last.end())
            pairs.push_back({found->second, s});
        last[key] = s;
    }
    return pairs;
}

Eigen::VectorXd relative_update(const RowMatrixD& before, const RowMatrixD& after) {
    Eigen::VectorXd updates(before.rows());
    for (Index row = 0; row < before.rows(); ++row) {
        const double base = before.row(row).norm();
        const double change = (after.row(row) - before.row(row)).norm();
        updates(row) = std::isfinite(change) && base > 0 ? change / base : kNaN;
    }
    return updates;
}

std::vector<UpdateSummary> sampled_relative_updates(const Dump& dump, Index max_tokens,
                                                    const std::atomic<bool>* cancel) {
    std::vector<UpdateSummary> summaries;
    RowBlock before, after;
    for (const SitePair& pair : consecutive_site_pairs(dump.info())) {
        std::vector<float> updates;
        for (const auto& [first, count] :
             sampled_runs(dump.info().sites[pair.from].n_tokens, max_tokens)) {
            if (cancel && cancel->load())
                throw CancelledError(dump.info().path, "", "the relative update was cancelled");
            dump.read_rows(pair.from, Stream::Input, first, count, before);
            dump.read_rows(pair.to, Stream::Input, first, count, after);
            const Eigen::VectorXd part =
                relative_update(rows_in_double(before), rows_in_double(after));
            for (Index row = 0; row < part.size(); ++row) updates.push_back(float(part(row)));
        }
        summaries.push_back(summarize_updates(pair, std::move(updates)));
    }
    return summaries;
}

}  // namespace lngeom
