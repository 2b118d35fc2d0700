#pragma once
// Where a 3D view's camera stands and looks, without VTK: what sessions and figure recipes keep,
// and what VtkViewWidget::cameraPose() / setCameraPose() read and apply.

#include <array>

namespace lngeom::widgets {

struct CameraPose {
    std::array<double, 3> position{0, 0, 1};
    std::array<double, 3> focalPoint{0, 0, 0};
    std::array<double, 3> viewUp{0, 1, 0};
    double viewAngle = 30;  // degrees, vertical

    bool operator==(const CameraPose&) const = default;
};

}  // namespace lngeom::widgets
