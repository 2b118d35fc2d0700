#pragma once
// A grey line through a 3D scene with its name at one end, facing the camera.

#include <vtkNew.h>

#include <string>

class vtkActor;
class vtkBillboardTextActor3D;
class vtkLineSource;
class vtkRenderer;

namespace lngeom::widgets {

class LabelledAxis {
  public:
    LabelledAxis();
    ~LabelledAxis();
    LabelledAxis(const LabelledAxis&) = delete;
    LabelledAxis& operator=(const LabelledAxis&) = delete;

    void addTo(vtkRenderer* renderer);
    // From `from` to `to`, the label just beyond `to`.
    void set(const double from[3], const double to[3], const std::string& label);
    void setVisible(bool visible);

  private:
    vtkNew<vtkLineSource> line_;
    vtkNew<vtkActor> actor_;
    vtkNew<vtkBillboardTextActor3D> label_;
};

}  // namespace lngeom::widgets
