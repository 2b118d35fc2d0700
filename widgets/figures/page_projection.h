#pragma once
// World → page coordinates for figures drawn from 3D geometry (the projection, the step-through):
// through a 3D view's camera (its direction, up and perspective), then scaled and moved so that
// what the figure draws fits a rectangle of the page — beside the title and the colour bar,
// whatever the camera's distance.

#include <Eigen/Core>
#include <vector>

class vtkRenderer;

namespace lngeom::widgets {

struct PageRect {
    double left = 0;
    double top = 0;
    double width = 0;
    double height = 0;
};

class PageProjection {
  public:
    // The renderer's active camera for a picture of aspect `width / height`.
    PageProjection(vtkRenderer* renderer, double aspect);

    // Scales and moves the page so that every point of `world` lands inside `target`, centred
    // (in points, y down), keeping `margin` points free around them.
    void fit(const std::vector<Eigen::Vector3d>& world, const PageRect& target, double margin = 0);

    // Page x and y (y down) and the depth (larger: farther).
    Eigen::Vector3d operator()(const Eigen::Vector3d& world) const;
    // Page units per unit of the camera's normalized picture (for sizes that follow the scene).
    double scale() const { return scale_; }
    // The direction the camera looks in, in world coordinates (unit length).
    const Eigen::Vector3d& viewDirection() const { return viewDirection_; }

  private:
    // x right and y down in [-1, 1] across the camera's picture, and the depth.
    Eigen::Vector3d normalized(const Eigen::Vector3d& world) const;

    Eigen::Matrix4d matrix_;
    Eigen::Vector3d viewDirection_;
    double aspect_;
    double scale_ = 1;
    Eigen::Vector2d offset_ = Eigen::Vector2d::Zero();
};

}  // namespace lngeom::widgets
