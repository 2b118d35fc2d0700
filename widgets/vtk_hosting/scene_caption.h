#pragma once
// Lines of text in the top left corner of a 3D scene, wrapped at spaces to the renderer's width
// before each render (a view can be a third of a laptop window or a large exported figure).

#include <vtkNew.h>
#include <vtkWeakPointer.h>

#include <string>

class vtkCallbackCommand;
class vtkObject;
class vtkRenderer;
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

  private:
    // The caption's lines wrapped to at most `pixels` wide in its font at `dpi`.
    std::string wrapped(int pixels, int dpi) const;
    static void fit(vtkObject* renderer, unsigned long, void* self, void*);

    std::string text_;
    int wrappedWidth_ = -1;
    vtkNew<vtkCallbackCommand> fitter_;
    vtkWeakPointer<vtkRenderer> renderer_;
    vtkNew<vtkTextActor> actor_;
};

}  // namespace lngeom::widgets
