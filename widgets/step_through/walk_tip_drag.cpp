#include "widgets/step_through/walk_tip_drag.h"

#include <vtkActor.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>

#include <cmath>

#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::widgets {
namespace {

// How close to the tip a press grabs it, in logical pixels.
constexpr double kGrabRadius = 14.0;
// Above the interactor style's observers (priority 0), so a grab keeps the camera still.
constexpr float kPriority = 1.0f;

}  // namespace

WalkTipDrag::WalkTipDrag(VtkViewWidget* view, Moved moved) : view_(view), moved_(std::move(moved)) {
    markerShape_->SetThetaResolution(20);
    markerShape_->SetPhiResolution(12);
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(markerShape_->GetOutputPort());
    marker_->SetMapper(mapper);
    marker_->GetProperty()->SetColor(1.0, 0.95, 0.6);
    marker_->GetProperty()->SetAmbient(0.4);
    marker_->SetVisibility(false);
    view_->renderer()->AddActor(marker_);
    vtkGenericRenderWindowInteractor* interactor = view_->interactor();
    tags_[0] = interactor->AddObserver(vtkCommand::LeftButtonPressEvent, this,
                                       &WalkTipDrag::onPress, kPriority);
    tags_[1] =
        interactor->AddObserver(vtkCommand::MouseMoveEvent, this, &WalkTipDrag::onMove, kPriority);
    tags_[2] = interactor->AddObserver(vtkCommand::LeftButtonReleaseEvent, this,
                                       &WalkTipDrag::onRelease, kPriority);
}

WalkTipDrag::~WalkTipDrag() {
    for (unsigned long tag : tags_) view_->interactor()->RemoveObserver(tag);
    view_->renderer()->RemoveActor(marker_);
}

void WalkTipDrag::setTip(std::optional<Eigen::Vector3d> tip, double markerRadius) {
    tip_ = tip;
    if (!tip) dragging_ = false;
    marker_->SetVisibility(tip.has_value());
    if (tip) {
        markerShape_->SetCenter(tip->x(), tip->y(), tip->z());
        markerShape_->SetRadius(markerRadius);
    }
    // The walk scene may have cleared the renderer's props since the marker was added.
    if (!view_->renderer()->HasViewProp(marker_)) view_->renderer()->AddActor(marker_);
    view_->requestRender();
}

Eigen::Vector3d WalkTipDrag::display(const Eigen::Vector3d& world) const {
    vtkRenderer* renderer = view_->renderer();
    renderer->SetWorldPoint(world.x(), world.y(), world.z(), 1.0);
    renderer->WorldToDisplay();
    double point[3];
    renderer->GetDisplayPoint(point);
    return {point[0], point[1], point[2]};
}

QPointF WalkTipDrag::tipOnScreen() const {
    if (!tip_) return {};
    const Eigen::Vector3d point = display(*tip_);
    const double ratio = view_->devicePixelRatioF();
    return {point.x() / ratio, view_->height() - point.y() / ratio};
}

bool WalkTipDrag::nearTip() const {
    if (!tip_) return false;
    const int* event = view_->interactor()->GetEventPosition();
    const Eigen::Vector3d point = display(*tip_);
    const double distance = std::hypot(event[0] - point.x(), event[1] - point.y());
    return distance <= kGrabRadius * view_->devicePixelRatioF();
}

bool WalkTipDrag::onPress(vtkObject*, unsigned long, void*) {
    dragging_ = nearTip();
    return dragging_;
}

// The new tip: the pointer's position at the old tip's depth, i.e. in the plane through the tip
// that faces the camera.
bool WalkTipDrag::onMove(vtkObject*, unsigned long, void*) {
    if (!dragging_) {
        if (tip_)
            view_->renderWindow()->SetCurrentCursor(nearTip() ? VTK_CURSOR_HAND
                                                              : VTK_CURSOR_DEFAULT);
        return false;
    }
    const int* event = view_->interactor()->GetEventPosition();
    vtkRenderer* renderer = view_->renderer();
    renderer->SetDisplayPoint(event[0], event[1], display(*tip_).z());
    renderer->DisplayToWorld();
    double world[4];
    renderer->GetWorldPoint(world);
    if (world[3] == 0) return true;
    const Eigen::Vector3d tip(world[0] / world[3], world[1] / world[3], world[2] / world[3]);
    moved_(tip);
    return true;
}

bool WalkTipDrag::onRelease(vtkObject*, unsigned long, void*) {
    const bool wasDragging = dragging_;
    dragging_ = false;
    return wasDragging;
}

}  // namespace lngeom::widgets
