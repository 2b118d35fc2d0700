#include "core/analysis/massive_tokens.h"

#include <cmath>

#include "core/analysis/massive_activations.h"
#include "core/columns/column_blocks.h"

namespace lngeom {

TokenSet massive_tokens(const ColumnSource& site, double threshold,
                        const std::atomic<bool>* cancel) {
    TokenSet tokens(site.n_tokens());
    for_each_block(
        site, Metric::MaxAbs,
        [&](Index first, std::span<const float> values) {
            for (std::size_t row = 0; row < values.size(); ++row)
                if (!std::isnan(values[row]) && reaches_threshold(values[row], threshold))
                    tokens.insert(first + Index(row));
        },
        cancel);
    return tokens;
}

}  // namespace lngeom
