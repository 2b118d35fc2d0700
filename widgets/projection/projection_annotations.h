#pragma once
// What the projection view's picture says in words: the two horizontal axes drawn through the
// hyperplane's disc with their names, and a caption that names the site, the vectors shown,
// the placement and the basis.

#include <string>

#include "widgets/vtk_hosting/labelled_axis.h"
#include "widgets/vtk_hosting/scene_caption.h"

class vtkRenderer;
class vtkScalarBarActor;

namespace lngeom::widgets {

class ProjectionAnnotations {
  public:
    void addTo(vtkRenderer* renderer);
    // Axis lines of half-length `length` along the first two scene axes, labelled at their ends.
    void setAxes(double length, const std::string& first, const std::string& second);
    // Lines of text in the top left corner, fitted to the renderer's size before each render.
    void setCaption(const std::string& caption) { caption_.setText(caption); }
    // A colour bar to keep below the caption: its top moves down as the caption grows.
    void keepBelowCaption(vtkScalarBarActor* bar) { caption_.keepAbove(bar); }

  private:
    LabelledAxis first_;
    LabelledAxis second_;
    SceneCaption caption_;
};

}  // namespace lngeom::widgets
