#include "core/tokens/representative_tokens.h"

#include <algorithm>
#include <cmath>

namespace lngeom {

std::vector<Index> representative_tokens(std::span<const float> values, std::size_t count) {
    std::vector<Index> valid;
    for (std::size_t token = 0; token < values.size(); ++token)
        if (!std::isnan(values[token])) valid.push_back(Index(token));
    std::sort(valid.begin(), valid.end(), [&values](Index a, Index b) {
        return values[std::size_t(a)] < values[std::size_t(b)];
    });
    std::vector<Index> picked;
    if (valid.empty() || count == 0) return picked;
    for (std::size_t k = 0; k < count; ++k) {
        const double quantile = count > 1 ? double(k) / double(count - 1) : 0.5;
        const Index token = valid[std::size_t(std::lround(quantile * double(valid.size() - 1)))];
        if (std::find(picked.begin(), picked.end(), token) == picked.end()) picked.push_back(token);
    }
    return picked;
}

}  // namespace lngeom
