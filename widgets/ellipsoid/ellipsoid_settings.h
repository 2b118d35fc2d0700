#pragma once
// What the γ-ellipsoid view is set to draw: which three axes, how its points are coloured, how
// many tokens, and the d = 3 teaching mode with its γ and β.

#include <Eigen/Core>

#include "core/analysis/ellipsoid_picture.h"

namespace lngeom::widgets {

enum class EllipsoidColour { AxisShare, ShellDepth, Selection };

struct EllipsoidSettings {
    AxisChoice axes = AxisChoice::Largest;
    EllipsoidColour colour = EllipsoidColour::AxisShare;
    Index maxPoints = 20000;
    bool teaching = false;
    Eigen::Vector3d teachingGamma{0.6, 1.0, 1.8};
    Eigen::Vector3d teachingBeta{0.0, 0.0, 0.5};

    bool operator==(const EllipsoidSettings&) const = default;
};

}  // namespace lngeom::widgets
