#pragma once
// The ellipsoid view's picture in VTK. For a dump: the section of the site's γ-ellipsoid along
// three of its semi-axes as a translucent surface centred at β's coordinates, with those axes
// drawn and named. For the d = 3 teaching mode, in R³ itself (1 pointing up): the circle of
// 1⊥ ∩ the √3-sphere, its image the ellipse γ⊙y + β, and the normal n = γ⁻¹ of the ellipse's
// plane drawn at β.

#include <vtkNew.h>

#include <Eigen/Core>
#include <array>
#include <string>

#include "widgets/vtk_hosting/labelled_axis.h"

class vtkActor;
class vtkLineSource;
class vtkPolyData;
class vtkRenderer;
class vtkSphereSource;
class vtkTubeFilter;

namespace lngeom {
struct TeachingEllipse;
}

namespace lngeom::widgets {

class EllipsoidSurface {
  public:
    EllipsoidSurface();
    ~EllipsoidSurface();

    void addTo(vtkRenderer* renderer);
    // Semi-axes (a zero one makes a flat ellipse) along the scene's x, y, z, centred at
    // `centre`; each axis named at its end.
    void set(const Eigen::Vector3d& lengths, const Eigen::Vector3d& centre,
             const std::array<std::string, 3>& names);

  private:
    vtkNew<vtkSphereSource> sphere_;
    vtkNew<vtkSphereSource> wireSphere_;
    vtkNew<vtkActor> surface_;
    vtkNew<vtkActor> wireframe_;
    std::array<LabelledAxis, 3> axes_;
};

class TeachingCurves {
  public:
    TeachingCurves();
    ~TeachingCurves();

    void addTo(vtkRenderer* renderer);
    // The curves of `teaching` placed with r3_walk_basis() (so 1 is vertical).
    void set(const TeachingEllipse& teaching, const Eigen::Vector3d& beta);

  private:
    vtkNew<vtkPolyData> circle_;
    vtkNew<vtkPolyData> ellipse_;
    vtkNew<vtkActor> circleActor_;
    vtkNew<vtkActor> ellipseActor_;
    vtkNew<vtkLineSource> normal_;
    vtkNew<vtkActor> normalActor_;
    vtkNew<vtkTubeFilter> circleTube_;
    vtkNew<vtkTubeFilter> ellipseTube_;
    vtkNew<vtkTubeFilter> normalTube_;
};

}  // namespace lngeom::widgets
