#pragma once
// What the projection view's picture says in words: the two horizontal axes drawn through the
// hyperplane's disc with their names, and a caption that names the site, the vectors shown,
// the placement and the basis.

#include <vtkNew.h>
#include <vtkWeakPointer.h>

#include <string>

class vtkActor;
class vtkBillboardTextActor3D;
class vtkCallbackCommand;
class vtkLineSource;
class vtkObject;
class vtkRenderer;
class vtkTextActor;

namespace lngeom::widgets {

class ProjectionAnnotations {
  public:
    ProjectionAnnotations();
    ~ProjectionAnnotations();

    void addTo(vtkRenderer* renderer);
    // Axis lines of half-length `length` along the first two scene axes, labelled at their ends.
    void setAxes(double length, const std::string& first, const std::string& second);
    // Lines of text in the top left corner, wrapped at spaces to the renderer's width before
    // each render (the view can be a third of a laptop window or a large exported figure).
    void setCaption(const std::string& caption);

  private:
    // The caption's lines wrapped to at most `pixels` wide in the caption's font at `dpi`.
    std::string wrappedCaption(int pixels, int dpi) const;
    static void fitCaption(vtkObject* renderer, unsigned long, void* self, void*);

    std::string captionText_;
    int wrappedWidth_ = -1;
    vtkNew<vtkCallbackCommand> fitter_;
    vtkWeakPointer<vtkRenderer> renderer_;
    vtkNew<vtkLineSource> firstLine_;
    vtkNew<vtkLineSource> secondLine_;
    vtkNew<vtkActor> firstAxis_;
    vtkNew<vtkActor> secondAxis_;
    vtkNew<vtkBillboardTextActor3D> firstLabel_;
    vtkNew<vtkBillboardTextActor3D> secondLabel_;
    vtkNew<vtkTextActor> caption_;
};

}  // namespace lngeom::widgets
