#include "core/metrics/metric_values.h"

namespace lngeom {

std::span<const float> metric_values(const SiteColumns& columns, Metric metric) {
    const int column = column_of(metric);
    if (column >= columns.values.cols()) return {};
    return {columns.values.col(column).data(), std::size_t(columns.values.rows())};
}

}  // namespace lngeom
