#pragma once
// The histogram's tooltip over a bar: the bin's range in the metric's own words and how many
// tokens fall in it (and how many of them are selected), e.g. "angle to 1 (°) from 84.50 to
// 84.75: 95 tokens, 3 of them selected".

#include <QString>

#include "core/metrics/statistics.h"

namespace lngeom::widgets {

// Empty when `x` lies outside the bins. `selected`: the selected tokens' counts over the same
// bins, or nullptr.
QString binTooltip(const Histogram& histogram, const Histogram* selected, double x,
                   const QString& metricLabel);

}  // namespace lngeom::widgets
