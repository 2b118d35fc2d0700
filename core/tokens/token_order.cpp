#include "core/tokens/token_order.h"

#include <algorithm>

namespace lngeom {

std::vector<std::pair<std::int64_t, std::int64_t>> consecutive_runs(
    std::vector<std::int64_t>& rows) {
    std::sort(rows.begin(), rows.end());
    std::vector<std::pair<std::int64_t, std::int64_t>> runs;
    for (std::int64_t row : rows) {
        if (!runs.empty() && row <= runs.back().second + 1)
            runs.back().second = std::max(runs.back().second, row);
        else
            runs.push_back({row, row});
    }
    return runs;
}

}  // namespace lngeom
