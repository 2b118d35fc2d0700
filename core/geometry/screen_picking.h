#pragma once
// Which drawn point is under the mouse: points projected to the screen with the camera's
// world-to-clip matrix, the nearest within a pixel radius, the front-most on ties. A plain
// computation on the points the view draws, so it needs no display and no VTK picker.

#include <Eigen/Core>

#include "core/geometry/projection.h"

namespace lngeom {

struct ScreenPick {
    Eigen::Matrix4d world_to_clip;  // homogeneous: clip = M·(x, y, z, 1)
    Eigen::Vector2d viewport_size;  // pixels (width, height)
    Eigen::Vector2d position;       // pixels, origin at the bottom left
    double radius = 6;              // pixels
    // Only rows 0, stride, 2·stride… are drawn (a thinned still frame): only they can be picked.
    Index stride = 1;
};

// The row of `points` (n × 3) nearest `pick.position` on screen within `pick.radius`, or −1.
// Points behind the camera or outside the clip volume are never picked.
Index pick_point(const PointRows& points, const ScreenPick& pick);

}  // namespace lngeom
