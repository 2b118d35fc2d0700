#pragma once
// The guided tour's content: the paper's geometric reading of LayerNorm, one step at a time.
// Each step says which sample, site, metric and vectors make its claim visible, which view and
// chart it brings to the front, and what the step-through walks; its text states the numbers of
// the data shown (tour_facts.h).

#include <QString>

#include <limits>
#include <vector>

#include "core/geometry/projection.h"
#include "core/metrics/metrics.h"

namespace lngeom::app {

class TourFacts;

// The central view a step raises.
enum class TourScene { Projection, StepThrough };
// The chart of the right-hand docks a step raises.
enum class TourChart { Histogram, Curves };
// The tokens the step-through walks in a step that raises it.
enum class TourWalk {
    Representative,  // one token whose angle to 1 is the site's median
    AcrossNorms,     // six tokens from short to long ‖x‖
};

struct TourStep {
    QString title;
    // The explanation with its formulas and the numbers of the data shown, as rich text.
    QString (*html)(const TourFacts& facts);
    int sample = 0;                             // 0: the LayerNorm sample, 1: the RMSNorm sample
    SiteIndex site = 0;                         // kLastSite: the final norm
    Metric metric = Metric::AngleToUniformDeg;  // in the histogram and the layer curves
    TourChart chart = TourChart::Histogram;
    TourScene scene = TourScene::Projection;
    // The 3D projection's vectors and their placement (set even when the step-through is
    // raised, for the projection's tab).
    Representation representation = Representation::Input;
    Placement placement = Placement::Linear;
    // With TourScene::StepThrough: the stage of the walk shown and its tokens.
    int walkStage = 0;
    TourWalk walk = TourWalk::Representative;
};

inline constexpr SiteIndex kLastSite = std::numeric_limits<SiteIndex>::max();

const std::vector<TourStep>& tourSteps();

}  // namespace lngeom::app
