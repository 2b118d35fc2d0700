#pragma once
// A Qt widget that shows a VTK render window: VTK renders into the widget's framebuffer and
// Qt's mouse, wheel, key and timer events drive VTK's interactor. It stands in for VTK's
// own Qt widget, which Debian builds for Qt 5 only.

#include <vtkNew.h>
#include <vtkSmartPointer.h>
#include <QImage>
#include <QOpenGLWidget>

#include <vector>

#include "widgets/vtk_hosting/camera_pose.h"

class QSurface;
class vtkGenericOpenGLRenderWindow;
class vtkGenericRenderWindowInteractor;
class vtkObject;
class vtkRenderer;

namespace lngeom::widgets {

class VtkViewWidget : public QOpenGLWidget {
    Q_OBJECT
  public:
    explicit VtkViewWidget(QWidget* parent = nullptr);
    ~VtkViewWidget() override;

    vtkGenericOpenGLRenderWindow* renderWindow() const;
    vtkGenericRenderWindowInteractor* interactor() const;
    // The 3D renderer, created on first use (views that bring their own renderer never call it).
    vtkRenderer* renderer();
    // The 3D renderer's camera; setting it also resets the clipping range and schedules a render.
    CameraPose cameraPose();
    void setCameraPose(const CameraPose& pose);

    // Schedules one VTK render at the next paint; many requests before it make one render.
    void requestRender();
    // The scene rendered at `scale` × the widget's device size; works on hidden widgets too.
    // A null image when the widget has no area.
    QImage grabImage(double scale = 1.0);
    // How many times VTK has rendered this window so far.
    int renderCount() const { return renderCount_; }
    // VTK renders at `scale` × the widget's device size and the image is stretched to fill the
    // widget: a quarter of the pixels at 0.5, for software OpenGL while the camera moves.
    // 1 (full detail) by default; grabImage always renders at full detail.
    void setRenderScale(double scale);
    double renderScale() const { return renderScale_; }

  signals:
    // VTK has rendered a frame (from inside the render: connect queued to render again).
    void rendered();
    // A frame shown in the widget took `seconds` to render and copy (grabs are not counted).
    void frameTimed(double seconds);
    // grabImage is about to render, and has rendered: views that draw less to stay responsive
    // draw everything in between.
    void captureStarting();
    void captureFinished();

  protected:
    // Makes the widget's context current for VTK work outside paintGL (creating it offscreen
    // if the widget was never shown).
    void makeVtkContextCurrent();
    // grabImage calls these around its enlarged render, for settings measured in pixels that
    // VTK does not scale with the window's DPI.
    virtual void beginScaledCapture(double scale);
    virtual void endScaledCapture();

    void initializeGL() override;
    void resizeGL(int width, int height) override;
    void paintGL() override;

    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void enterEvent(QEnterEvent* event) override;
    void leaveEvent(QEvent* event) override;

  private:
    void observeRenderWindow();
    void onMakeCurrent(vtkObject*, unsigned long, void*);
    void onIsCurrent(vtkObject*, unsigned long, void* callData);
    void onReportSupported(vtkObject*, unsigned long, void* callData);
    void onFrame(vtkObject*, unsigned long, void*);
    void onRenderEnd(vtkObject*, unsigned long, void*);
    void onCursorChanged(vtkObject*, unsigned long, void* callData);
    void releaseGraphics();
    bool syncSizeWithDevice();
    double eventScale() const;
    void blitToWidgetFramebuffer();

    vtkNew<vtkGenericOpenGLRenderWindow> renderWindow_;
    vtkNew<vtkGenericRenderWindowInteractor> interactor_;
    vtkSmartPointer<vtkRenderer> renderer_;
    std::vector<unsigned long> observerTags_;
    QSurface* surface_ = nullptr;
    QMetaObject::Connection contextDestroyedConnection_;
    QSize deviceSize_;
    QSize renderSize_;
    double renderScale_ = 1.0;
    bool renderPending_ = true;
    bool painting_ = false;
    int renderCount_ = 0;
};

}  // namespace lngeom::widgets
