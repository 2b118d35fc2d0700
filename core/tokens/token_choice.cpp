#include "core/tokens/token_choice.h"

#include <algorithm>
#include <cmath>

namespace lngeom {

Index token_nearest(std::span<const float> values, double target) {
    Index nearest = -1;
    double distance = 0;
    for (std::size_t token = 0; token < values.size(); ++token) {
        const double gap = std::abs(double(values[token]) - target);
        if (std::isnan(gap) || (nearest >= 0 && gap >= distance)) continue;
        nearest = Index(token);
        distance = gap;
    }
    return nearest;
}

std::vector<Index> tokens_across(std::span<const float> values, std::size_t count,
                                 double low_quantile, double high_quantile) {
    std::vector<Index> valid;
    for (std::size_t token = 0; token < values.size(); ++token)
        if (!std::isnan(values[token])) valid.push_back(Index(token));
    std::stable_sort(valid.begin(), valid.end(), [&values](Index a, Index b) {
        return values[std::size_t(a)] < values[std::size_t(b)];
    });
    std::vector<Index> chosen;
    if (valid.empty() || count == 0) return chosen;
    const double last = double(valid.size() - 1);
    for (std::size_t i = 0; i < count; ++i) {
        const double quantile = count == 1 ? low_quantile
                                           : low_quantile + (high_quantile - low_quantile) *
                                                                double(i) / double(count - 1);
        const Index token = valid[std::size_t(std::lround(std::clamp(quantile, 0.0, 1.0) * last))];
        if (chosen.empty() || chosen.back() != token) chosen.push_back(token);
    }
    return chosen;
}

}  // namespace lngeom
