#pragma once
// The value range a histogram of a metric starts with, before the user changes it.

#include "core/metrics/metrics.h"
#include "core/metrics/statistics.h"

namespace lngeom {

struct ValueRange {
    double low = 0;
    double high = 1;

    bool operator==(const ValueRange&) const = default;
};

// The window the paper plots angles to 1 in: a band around orthogonality.
inline constexpr ValueRange kOrthogonalAngleWindow{80.0, 100.0};

// For the angle to 1: kOrthogonalAngleWindow, widened to whole degrees that hold the data when
// it falls outside. For other metrics: the data's [min, max]. Always finite with low < high.
ValueRange default_histogram_range(Metric metric, const Summary& summary);

// The smallest range holding both (NaN-free) ranges; `low < high` is kept.
ValueRange enclosing_range(const ValueRange& a, const ValueRange& b);

}  // namespace lngeom
