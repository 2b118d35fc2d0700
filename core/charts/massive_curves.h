#pragma once
// The layer figure of massive activations (Sun, Chen, Kolter & Liu, arXiv 2402.17762, their
// Fig. 2): per site, the largest |x| of its three highest-peaking dimensions and the median |x|
// over every coordinate of every token, drawn on a log scale, where a massive activation stands
// 10³–10⁴ above the median from an early layer on.

#include <array>
#include <cstdint>
#include <vector>

#include "core/analysis/massive_activations.h"
#include "core/metrics/metrics_pass.h"

namespace lngeom {

// Entry i is site i; NaN where a site has no valid token or fewer dimensions than the rank.
struct MassiveCurves {
    // top[k][i]: the (k+1)-th largest of site i's per-dimension peaks max_t |x_{t,j}|, i.e. the
    // peak of its (k+1)-th dimension (two peaks of one dimension count once).
    std::array<std::vector<double>, 3> top;
    std::vector<double> median;         // median |x| (within 2.2 %)
    std::vector<double> threshold;      // max(A, R·median): a token at or above is flagged
    std::vector<std::int64_t> flagged;  // tokens flagged massive
    std::int64_t total_flagged = 0;

    std::size_t size() const { return median.size(); }
};

MassiveCurves massive_curves(const std::vector<MassiveReport>& sites);

// Every site's massive report and the dump's LLM.int8() outlier features, from the mergeable
// state of one statistics pass over `dump` (bounded memory, as `lngeom stats --format json`
// reads it: the metrics cache keeps no massive state). CancelledError through pass.cancel.
struct MassiveSites {
    std::vector<MassiveReport> reports;  // one per site
    std::vector<Int8Outliers> int8;      // one per width
};
MassiveSites site_massive_reports(const Dump& dump, const PassOptions& pass,
                                  const MassiveThresholds& thresholds);

}  // namespace lngeom
