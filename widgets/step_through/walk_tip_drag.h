#pragma once
// Dragging a vector's tip with the mouse in a VTK view (the step-through's d = 3 teaching mode):
// a left press within a few pixels of the tip grabs it instead of turning the camera, moving
// drags it in the plane through the tip facing the camera, release lets go. A marker sphere at
// the tip shows it can be grabbed; the cursor turns into a hand over it.

#include <vtkNew.h>

#include <Eigen/Core>
#include <QPointF>
#include <functional>
#include <optional>

class vtkActor;
class vtkObject;
class vtkSphereSource;

namespace lngeom::widgets {

class VtkViewWidget;

class WalkTipDrag {
  public:
    using Moved = std::function<void(const Eigen::Vector3d& tip)>;
    // `moved` hears every new position of the tip while it is dragged.
    WalkTipDrag(VtkViewWidget* view, Moved moved);
    ~WalkTipDrag();
    WalkTipDrag(const WalkTipDrag&) = delete;
    WalkTipDrag& operator=(const WalkTipDrag&) = delete;

    // The tip that can be grabbed, in scene coordinates, and the marker's radius; nullopt hides
    // the marker and lets every press turn the camera.
    void setTip(std::optional<Eigen::Vector3d> tip, double markerRadius = 0.0);
    std::optional<Eigen::Vector3d> tip() const { return tip_; }
    bool isDragging() const { return dragging_; }
    // Where the tip is on the widget, in its logical pixels (top-left origin).
    QPointF tipOnScreen() const;

  private:
    bool onPress(vtkObject*, unsigned long, void*);
    bool onMove(vtkObject*, unsigned long, void*);
    bool onRelease(vtkObject*, unsigned long, void*);
    bool nearTip() const;
    Eigen::Vector3d display(const Eigen::Vector3d& world) const;

    VtkViewWidget* view_;
    Moved moved_;
    std::optional<Eigen::Vector3d> tip_;
    bool dragging_ = false;
    vtkNew<vtkSphereSource> markerShape_;
    vtkNew<vtkActor> marker_;
    unsigned long tags_[3] = {0, 0, 0};
};

}  // namespace lngeom::widgets
