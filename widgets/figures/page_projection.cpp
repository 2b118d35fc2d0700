#include "widgets/figures/page_projection.h"

#include <vtkCamera.h>
#include <vtkMatrix4x4.h>
#include <vtkRenderer.h>

#include <Eigen/Geometry>
#include <algorithm>
#include <limits>

namespace lngeom::widgets {

PageProjection::PageProjection(vtkRenderer* renderer, double aspect) : aspect_(aspect) {
    vtkCamera* camera = renderer->GetActiveCamera();
    camera->GetDirectionOfProjection(viewDirection_.data());
    viewDirection_.normalize();
    vtkMatrix4x4* matrix = camera->GetCompositeProjectionTransformMatrix(aspect, -1, 1);
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c) matrix_(r, c) = matrix->GetElement(r, c);
}

// The camera's picture is `aspect` times as wide as tall: x is stretched by it, so that the
// page keeps the camera's proportions.
Eigen::Vector3d PageProjection::normalized(const Eigen::Vector3d& world) const {
    const Eigen::Vector4d clip = matrix_ * world.homogeneous();
    const Eigen::Vector3d ndc = clip.head<3>() / clip.w();
    return {ndc.x() * aspect_, -ndc.y(), ndc.z()};
}

void PageProjection::fit(const std::vector<Eigen::Vector3d>& world, const PageRect& target,
                         double margin) {
    Eigen::Vector2d low = Eigen::Vector2d::Constant(std::numeric_limits<double>::infinity());
    Eigen::Vector2d high = -low;
    for (const Eigen::Vector3d& point : world) {
        const Eigen::Vector2d at = normalized(point).head<2>();
        if (!at.allFinite()) continue;
        low = low.cwiseMin(at);
        high = high.cwiseMax(at);
    }
    if (!(high.x() >= low.x())) return;
    const Eigen::Vector2d extent = (high - low).cwiseMax(1e-9);
    const double width = std::max(target.width - 2 * margin, 1.0);
    const double height = std::max(target.height - 2 * margin, 1.0);
    scale_ = std::min(width / extent.x(), height / extent.y());
    const Eigen::Vector2d centre(target.left + target.width / 2, target.top + target.height / 2);
    offset_ = centre - scale_ * (low + high) / 2;
}

Eigen::Vector3d PageProjection::operator()(const Eigen::Vector3d& world) const {
    const Eigen::Vector3d at = normalized(world);
    return {offset_.x() + scale_ * at.x(), offset_.y() + scale_ * at.y(), at.z()};
}

}  // namespace lngeom::widgets
