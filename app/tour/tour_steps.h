#pragma once
// The guided tour's content: the paper's geometric reading of LayerNorm, one step at a time,
// each with the formulas and what the views should show for it on the sample dumps.

#include <QString>

#include <limits>
#include <vector>

#include "core/geometry/projection.h"
#include "core/metrics/metrics.h"

namespace lngeom::app {

struct TourStep {
    QString title;
    QString html;  // the explanation with its formulas, as rich text
    // What the step shows: which sample (0: LayerNorm, 1: RMSNorm), which of its
    // norm sites (kLastSite: the final norm), which metric in the histogram, which vectors in
    // the 3D view.
    int sample = 0;
    SiteIndex site = 0;
    Metric metric = Metric::AngleToUniformDeg;
    Representation representation = Representation::Input;
};

inline constexpr SiteIndex kLastSite = std::numeric_limits<SiteIndex>::max();

const std::vector<TourStep>& tourSteps();

}  // namespace lngeom::app
