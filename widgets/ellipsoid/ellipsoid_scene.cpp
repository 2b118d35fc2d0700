#include "widgets/ellipsoid/ellipsoid_scene.h"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkLineSource.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>
#include <vtkTubeFilter.h>

#include <algorithm>
#include <cmath>

#include "core/analysis/teaching_ellipse.h"
#include "core/geometry/normalization_walk.h"

namespace lngeom::widgets {
namespace {

// A zero scale would make VTK's normals singular: a flat ellipse gets this fraction of the
// largest radius instead.
constexpr double kFlatRadius = 1e-3;
// The teaching curves' thickness, in units of R³ (the sphere's radius is √3).
constexpr double kTubeRadius = 0.02;

void setMapperOf(vtkActor* actor, vtkAlgorithmOutput* port) {
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(port);
    actor->SetMapper(mapper);
}

// Lines as thin tubes: software OpenGL draws wide lines one pixel wide.
void setTubeOf(vtkActor* actor, vtkTubeFilter* tube, double radius) {
    tube->SetRadius(radius);
    tube->SetNumberOfSides(10);
    setMapperOf(actor, tube->GetOutputPort());
}

// A closed polyline through the rows of `points` (n × 3), placed in the teaching basis.
void setClosedCurve(vtkPolyData* curve, const Eigen::Matrix<double, Eigen::Dynamic, 3>& points) {
    const BasisAxes basis = r3_walk_basis();
    vtkNew<vtkPoints> placed;
    vtkNew<vtkCellArray> line;
    line->InsertNextCell(vtkIdType(points.rows() + 1));
    for (Index row = 0; row < points.rows(); ++row) {
        const Eigen::Vector3d p = walk_placement(basis, points.row(row).transpose());
        placed->InsertNextPoint(p.x(), p.y(), p.z());
        line->InsertCellPoint(vtkIdType(row));
    }
    line->InsertCellPoint(0);
    curve->SetPoints(placed);
    curve->SetLines(line);
    curve->Modified();
}

}  // namespace

EllipsoidSurface::EllipsoidSurface() {
    // A unit sphere scaled by the semi-axes: VTK transforms its normals with the scale, so the
    // surface is shaded right up to the poles.
    sphere_->SetRadius(1.0);
    sphere_->SetThetaResolution(72);
    sphere_->SetPhiResolution(36);
    setMapperOf(surface_, sphere_->GetOutputPort());
    surface_->GetProperty()->SetColor(0.45, 0.65, 0.95);
    surface_->GetProperty()->SetOpacity(0.18);
    surface_->GetProperty()->SetAmbient(0.4);
    wireSphere_->SetRadius(1.0);
    wireSphere_->SetThetaResolution(36);
    wireSphere_->SetPhiResolution(18);
    setMapperOf(wireframe_, wireSphere_->GetOutputPort());
    wireframe_->GetProperty()->SetRepresentationToWireframe();
    wireframe_->GetProperty()->SetColor(0.6, 0.75, 1.0);
    wireframe_->GetProperty()->SetOpacity(0.25);
}

EllipsoidSurface::~EllipsoidSurface() = default;

void EllipsoidSurface::addTo(vtkRenderer* renderer) {
    renderer->AddActor(surface_);
    renderer->AddActor(wireframe_);
    for (LabelledAxis& axis : axes_) axis.addTo(renderer);
}

void EllipsoidSurface::set(const Eigen::Vector3d& lengths, const Eigen::Vector3d& centre,
                           const std::array<std::string, 3>& names) {
    const double floor = kFlatRadius * std::max(lengths.maxCoeff(), 1e-12);
    for (vtkActor* actor : {surface_.Get(), wireframe_.Get()}) {
        actor->SetScale(std::max(lengths(0), floor), std::max(lengths(1), floor),
                        std::max(lengths(2), floor));
        actor->SetPosition(centre.x(), centre.y(), centre.z());
    }
    for (int a = 0; a < 3; ++a) {
        double from[3] = {centre.x(), centre.y(), centre.z()};
        double to[3] = {centre.x(), centre.y(), centre.z()};
        from[a] -= 1.15 * lengths(a);
        to[a] += 1.15 * lengths(a);
        axes_[size_t(a)].set(from, to, names[size_t(a)]);
        axes_[size_t(a)].setVisible(lengths(a) > 0);
    }
}

TeachingCurves::TeachingCurves() {
    circleTube_->SetInputData(circle_);
    setTubeOf(circleActor_, circleTube_, kTubeRadius);
    circleActor_->GetProperty()->SetColor(1.0, 1.0, 1.0);
    ellipseTube_->SetInputData(ellipse_);
    setTubeOf(ellipseActor_, ellipseTube_, 1.5 * kTubeRadius);
    ellipseActor_->GetProperty()->SetColor(0.95, 0.55, 0.17);
    normalTube_->SetInputConnection(normal_->GetOutputPort());
    setTubeOf(normalActor_, normalTube_, kTubeRadius);
    normalActor_->GetProperty()->SetColor(0.45, 0.9, 0.35);
}

TeachingCurves::~TeachingCurves() = default;

void TeachingCurves::addTo(vtkRenderer* renderer) {
    for (vtkActor* actor : {circleActor_.Get(), ellipseActor_.Get(), normalActor_.Get()})
        renderer->AddActor(actor);
}

void TeachingCurves::set(const TeachingEllipse& teaching, const Eigen::Vector3d& beta) {
    setClosedCurve(circle_, teaching.circle);
    setClosedCurve(ellipse_, teaching.ellipse);
    const BasisAxes basis = r3_walk_basis();
    const Eigen::Vector3d centre = walk_placement(basis, beta);
    const bool hasNormal = teaching.normal.allFinite();
    normalActor_->SetVisibility(hasNormal);
    if (!hasNormal) return;
    const double length = std::max(teaching.axes.lengths.maxCoeff(), 1.0) * 0.8;
    const Eigen::Vector3d tip = walk_placement(basis, beta + length * teaching.normal);
    normal_->SetPoint1(centre.x(), centre.y(), centre.z());
    normal_->SetPoint2(tip.x(), tip.y(), tip.z());
}

}  // namespace lngeom::widgets
