#include "core/reports/dump_findings.h"

#include <algorithm>

#include "core/analysis/folded_layer_norm.h"
#include "core/geometry/norm_affine.h"
#include "core/state/site_state.h"

namespace lngeom {

namespace {

// The ellipsoid of a site with a stored, finite γ under LayerNorm or RMSNorm; none otherwise
// (the "absent when the site has no γ").
void add_ellipsoid(const Dump& dump, SiteIndex site, SiteFindings& findings) {
    const SiteInfo& info = dump.info().sites.at(site);
    if (info.kind != NormKind::LayerNorm && info.kind != NormKind::RmsNorm) return;
    const NormAffine affine = read_norm_affine(dump, site);
    if (!affine.gamma) return;
    const Eigen::VectorXd gamma = effective_gamma(affine, info.d);
    const Eigen::VectorXd beta = effective_beta(affine, info.d);
    if (info.d < 2 || !gamma.allFinite() || !beta.allFinite()) return;
    findings.gamma = gamma;
    findings.ellipsoid = summarize_ellipsoid(info.kind, gamma, beta);
}

}  // namespace

std::vector<std::string> dump_warnings(const Dump& dump,
                                       const std::vector<SiteSummary>& summaries) {
    std::vector<std::string> warnings;
    if (const auto folded = detect_folded_layer_norm(site_centring(dump, summaries)))
        warnings.push_back(describe_folded_layer_norm(*folded));
    return warnings;
}

DumpFindings find_in_dump(const Dump* dump, const std::vector<SiteSummary>& summaries,
                          const std::vector<const MassiveState*>& massive,
                          const MassiveThresholds& thresholds) {
    DumpFindings findings;
    findings.sites.resize(summaries.size());
    for (SiteIndex site = 0; site < summaries.size(); ++site) {
        if (dump) add_ellipsoid(*dump, site, findings.sites[site]);
        if (site < massive.size() && massive[site])
            findings.sites[site].massive = report_massive(*massive[site], thresholds);
    }
    if (!massive.empty() && std::find(massive.begin(), massive.end(), nullptr) == massive.end())
        findings.int8 = int8_outliers(massive);
    if (dump) findings.warnings = dump_warnings(*dump, summaries);
    return findings;
}

std::string report_of_states(ReportFormat format, const Dump* dump, const DumpInfo& info,
                             const std::vector<SiteState>& states,
                             const MassiveThresholds& thresholds) {
    std::vector<SiteSummary> summaries;
    std::vector<const MassiveState*> massive;
    for (const SiteState& state : states) {
        summaries.push_back(state.summary());
        massive.push_back(&state.massive());
    }
    if (format == ReportFormat::Csv) return format_csv(info, summaries);
    const DumpFindings findings = find_in_dump(dump, summaries, massive, thresholds);
    if (format == ReportFormat::Table) return format_table(info, summaries, findings.warnings);
    return format_json(info, summaries, &findings);
}

std::string stats_json(const Dump& dump, const PassOptions& pass,
                       const MassiveThresholds& thresholds) {
    return report_of_states(ReportFormat::Json, &dump, dump.info(), run_statistics_pass(dump, pass),
                            thresholds);
}

}  // namespace lngeom
