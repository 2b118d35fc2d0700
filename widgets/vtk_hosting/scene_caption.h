#pragma once
// Lines of text in the top left corner of a 3D scene, fitted to the renderer's size before each
// render (a view can be a third of a laptop window or a large exported figure): each line wrapped
// at spaces and module-path separators onto at most two, then shortened in the middle; lines that
// would take more than the caption's share of the height are left out. A colour bar can be kept
// below the caption.

#include <vtkNew.h>
#include <vtkWeakPointer.h>

#include <string>

class vtkCallbackCommand;
class vtkObject;
class vtkRenderer;
class vtkScalarBarActor;
class vtkTextActor;

namespace lngeom::widgets {

class SceneCaption {
  public:
    SceneCaption();
    ~SceneCaption();
    SceneCaption(const SceneCaption&) = delete;
    SceneCaption& operator=(const SceneCaption&) = delete;

    void addTo(vtkRenderer* renderer);
    void setText(const std::string& text);
    const std::string& text() const { return text_; }
    // A colour bar whose top moves down as the caption grows.
    void keepAbove(vtkScalarBarActor* bar);

  private:
    // The caption's lines fitted to at most `pixels` wide in its font at `dpi`, and to at most
    // `height` pixels tall (later lines are left out).
    std::string fitted(int pixels, int height, int dpi) const;
    void placeColourBar(int height, int dpi);
    static void fit(vtkObject* renderer, unsigned long, void* self, void*);

    std::string text_;
    int fittedWidth_ = -1;
    int fittedHeight_ = -1;
    vtkWeakPointer<vtkScalarBarActor> colourBar_;
    vtkNew<vtkCallbackCommand> fitter_;
    vtkWeakPointer<vtkRenderer> renderer_;
    vtkNew<vtkTextActor> actor_;
};

}  // namespace lngeom::widgets
