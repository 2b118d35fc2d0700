#pragma once
// What `lngeom stats` reports beside the per-token metrics: each site's γ-ellipsoid (Riechers,
// arXiv 2405.04134) and massive activations (Sun et al., arXiv 2402.17762), and warnings about
// the dump as a whole (a dump captured after LayerNorm folding, core/analysis/folded_layer_norm.h).

#include <optional>
#include <string>
#include <vector>

#include "core/analysis/ellipsoid_summary.h"
#include "core/analysis/massive_activations.h"
#include "core/io/dump.h"
#include "core/metrics/metrics_pass.h"
#include "core/metrics/site_summary.h"
#include "core/reports/stats_report.h"

namespace lngeom {

class SiteState;  // core/state/site_state.h

struct SiteFindings {
    std::optional<EllipsoidSummary> ellipsoid;  // when the site stores a finite γ
    std::optional<Eigen::VectorXd> gamma;       // the effective γ then (d)
    std::optional<MassiveReport> massive;       // when the massive-activation state was kept
};

struct DumpFindings {
    std::vector<SiteFindings> sites;    // one per site of the dump, in its order
    std::vector<std::string> warnings;  // plain sentences about the whole dump
    // LLM.int8()'s outlier features per width, when the massive-activation state was kept.
    std::optional<std::vector<Int8Outliers>> int8;
};

// `summaries`: one per site; `massive`: one state per site, or empty when the pass kept none.
// Reads each site's γ and β from `dump` (IoError/FormatError naming the file); without a dump
// (null: it cannot be opened where shards are merged) there is no ellipsoid and no warning.
DumpFindings find_in_dump(const Dump* dump, const std::vector<SiteSummary>& summaries,
                          const std::vector<const MassiveState*>& massive,
                          const MassiveThresholds& thresholds);

// The report `lngeom stats` prints, from every site's state (of one pass, or merged from
// shards): JSON with every finding, the table with its warnings as "note:" lines, CSV as is.
// `dump` as for find_in_dump.
std::string report_of_states(ReportFormat format, const Dump* dump, const DumpInfo& info,
                             const std::vector<SiteState>& states,
                             const MassiveThresholds& thresholds);

// `lngeom stats --format json`: one statistics pass over the dump, since the metrics cache
// holds no massive-activation state.
std::string stats_json(const Dump& dump, const PassOptions& pass,
                       const MassiveThresholds& thresholds);

// The warnings alone (no massive state needed), for the table and CSV formats and the app.
std::vector<std::string> dump_warnings(const Dump& dump, const std::vector<SiteSummary>& summaries);

}  // namespace lngeom
