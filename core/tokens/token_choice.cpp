#include "core/tokens/token_choice.h"

#include <algorithm>
#include <cmath>

#include "core/columns/column_blocks.h"
#include "core/state/quantile_sketch.h"

namespace lngeom {
namespace {

// For each target (ascending), the first token of the nearest value, or -1: one pass.
std::vector<Index> tokens_nearest(const ColumnSource& source, Metric metric,
                                  const std::vector<double>& targets) {
    std::vector<Index> nearest(targets.size(), -1);
    std::vector<double> distance(targets.size(), 0.0);
    for_each_block(source, metric, [&](Index first, std::span<const float> values) {
        for (std::size_t row = 0; row < values.size(); ++row) {
            if (std::isnan(values[row])) continue;
            for (std::size_t i = 0; i < targets.size(); ++i) {
                const double gap = std::abs(double(values[row]) - targets[i]);
                if (nearest[i] >= 0 && gap >= distance[i]) continue;
                nearest[i] = first + Index(row);
                distance[i] = gap;
            }
        }
    });
    return nearest;
}

}  // namespace

Index token_nearest(const ColumnSource& source, Metric metric, double target) {
    return tokens_nearest(source, metric, {target}).front();
}

std::vector<Index> tokens_across(const ColumnSource& source, Metric metric, std::size_t count,
                                 double low_quantile, double high_quantile) {
    QuantileSketch sketch;
    for_each_block(source, metric, [&sketch](Index, std::span<const float> values) {
        for (float value : values) sketch.add(value);
    });
    std::vector<Index> chosen;
    if (sketch.count() == 0 || count == 0) return chosen;
    std::vector<double> targets;
    for (std::size_t i = 0; i < count; ++i) {
        const double quantile = count == 1 ? low_quantile
                                           : low_quantile + (high_quantile - low_quantile) *
                                                                double(i) / double(count - 1);
        targets.push_back(sketch.quantile(std::clamp(quantile, 0.0, 1.0)));
    }
    for (Index token : tokens_nearest(source, metric, targets))
        if (token >= 0 && std::find(chosen.begin(), chosen.end(), token) == chosen.end())
            chosen.push_back(token);
    return chosen;
}

}  // namespace lngeom
