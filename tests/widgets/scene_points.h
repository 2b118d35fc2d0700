#pragma once
// Where a 3D view draws its points on screen, for tests that click on them.

#include <vtkCoordinate.h>
#include <vtkNew.h>
#include <vtkRenderer.h>
#include <QPoint>
#include <QRect>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/geometry/projection.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::test {

// The display position (logical pixels, top-left origin) of a scene point.
inline QPoint screenPosition(widgets::VtkViewWidget* scene, const Eigen::Vector3f& point) {
    vtkNew<vtkCoordinate> coordinate;
    coordinate->SetCoordinateSystemToWorld();
    coordinate->SetValue(point.x(), point.y(), point.z());
    const double* display = coordinate->GetComputedDoubleDisplayValue(scene->renderer());
    const double ratio = scene->devicePixelRatioF();
    return QPoint(int(std::lround(display[0] / ratio)),
                  int(std::lround(scene->height() - display[1] / ratio)));
}

// The row of `points` drawn farthest on screen from every other one (and 40 pixels inside the
// view), so a click on it is unambiguous.
inline std::size_t loneliestPoint(widgets::VtkViewWidget* scene, const PointRows& points) {
    std::vector<QPoint> screen;
    for (Index i = 0; i < points.rows(); ++i)
        screen.push_back(screenPosition(scene, points.row(i).transpose()));
    std::size_t best = 0;
    int bestDistance = -1;
    const QRect inside = scene->rect().adjusted(40, 40, -40, -40);
    for (std::size_t i = 0; i < screen.size(); ++i) {
        if (!inside.contains(screen[i])) continue;
        int nearest = std::numeric_limits<int>::max();
        for (std::size_t j = 0; j < screen.size(); ++j)
            if (j != i) nearest = std::min(nearest, (screen[i] - screen[j]).manhattanLength());
        if (nearest > bestDistance) {
            bestDistance = nearest;
            best = i;
        }
    }
    return best;
}

}  // namespace lngeom::test
