#include "core/analysis/sampled_runs.h"

#include <algorithm>

namespace lngeom {

std::vector<std::pair<Index, Index>> sampled_runs(Index n_tokens, Index max_rows) {
    const Index wanted = std::min(n_tokens, std::max<Index>(max_rows, 1));
    if (wanted <= 0) return {};
    if (wanted * 2 > n_tokens || wanted < kSampledRuns) return {{0, wanted}};
    const Index length = wanted / kSampledRuns, spacing = n_tokens / kSampledRuns;
    std::vector<std::pair<Index, Index>> runs;
    for (Index run = 0; run < kSampledRuns; ++run) runs.emplace_back(run * spacing, length);
    return runs;
}

}  // namespace lngeom
