#include "widgets/vtk_hosting/vtk_view_widget.h"

#include <vtkCamera.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "widgets/vtk_hosting/render_window_capture.h"
#include "widgets/vtk_hosting/vtk_cursor_shapes.h"
#include "widgets/vtk_hosting/vtk_input_forwarding.h"
#include "widgets/vtk_hosting/vtk_timer_bridge.h"

namespace lngeom::widgets {

VtkViewWidget::VtkViewWidget(QWidget* parent) : QOpenGLWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    renderWindow_->SetReadyForRendering(false);
    renderWindow_->SetFrameBlitModeToNoBlit();
    // Multisampling made software-rendered (llvmpipe) frames several times slower; scenes that
    // need smooth edges turn on their renderer's FXAA instead.
    renderWindow_->SetMultiSamples(0);
    interactor_->SetRenderWindow(renderWindow_);
    interactor_->Initialize();
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    interactor_->SetInteractorStyle(style);
    new VtkTimerBridge(interactor_, this);
    observeRenderWindow();
}

VtkViewWidget::~VtkViewWidget() {
    disconnect(contextDestroyedConnection_);
    releaseGraphics();
    for (const unsigned long tag : observerTags_) renderWindow_->RemoveObserver(tag);
}

vtkGenericOpenGLRenderWindow* VtkViewWidget::renderWindow() const { return renderWindow_; }

vtkGenericRenderWindowInteractor* VtkViewWidget::interactor() const { return interactor_; }

vtkRenderer* VtkViewWidget::renderer() {
    if (!renderer_) {
        renderer_ = vtkSmartPointer<vtkRenderer>::New();
        renderWindow_->AddRenderer(renderer_);
    }
    return renderer_;
}

CameraPose VtkViewWidget::cameraPose() {
    vtkCamera* camera = renderer()->GetActiveCamera();
    CameraPose pose;
    camera->GetPosition(pose.position.data());
    camera->GetFocalPoint(pose.focalPoint.data());
    camera->GetViewUp(pose.viewUp.data());
    pose.viewAngle = camera->GetViewAngle();
    return pose;
}

void VtkViewWidget::setCameraPose(const CameraPose& pose) {
    vtkCamera* camera = renderer()->GetActiveCamera();
    camera->SetPosition(pose.position.data());
    camera->SetFocalPoint(pose.focalPoint.data());
    camera->SetViewUp(pose.viewUp.data());
    camera->SetViewAngle(pose.viewAngle);
    renderer()->ResetCameraClippingRange();
    requestRender();
}

void VtkViewWidget::requestRender() {
    renderPending_ = true;
    update();
}

void VtkViewWidget::observeRenderWindow() {
    auto* window = renderWindow_.Get();
    observerTags_ = {
        window->AddObserver(vtkCommand::WindowMakeCurrentEvent, this,
                            &VtkViewWidget::onMakeCurrent),
        window->AddObserver(vtkCommand::WindowIsCurrentEvent, this, &VtkViewWidget::onIsCurrent),
        window->AddObserver(vtkCommand::WindowIsDirectEvent, this,
                            &VtkViewWidget::onReportSupported),
        window->AddObserver(vtkCommand::WindowSupportsOpenGLEvent, this,
                            &VtkViewWidget::onReportSupported),
        window->AddObserver(vtkCommand::WindowFrameEvent, this, &VtkViewWidget::onFrame),
        window->AddObserver(vtkCommand::EndEvent, this, &VtkViewWidget::onRenderEnd),
        window->AddObserver(vtkCommand::CursorChangedEvent, this, &VtkViewWidget::onCursorChanged),
    };
}

// Only the context, never QOpenGLWidget::makeCurrent(): that also binds Qt's framebuffer in the
// middle of VTK building its own, and VTK's attachments then land on Qt's (a black view).
void VtkViewWidget::onMakeCurrent(vtkObject*, unsigned long, void*) {
    if (context() != nullptr && surface_ != nullptr) context()->makeCurrent(surface_);
}

void VtkViewWidget::onIsCurrent(vtkObject*, unsigned long, void* callData) {
    QOpenGLContext* current = QOpenGLContext::currentContext();
    *static_cast<bool*>(callData) =
        current != nullptr && current == context() && current->surface() == surface_;
}

void VtkViewWidget::onReportSupported(vtkObject*, unsigned long, void* callData) {
    *static_cast<int*>(callData) = 1;
}

// A render VTK did on its own (interaction, animation) only needs copying to the screen.
void VtkViewWidget::onFrame(vtkObject*, unsigned long, void*) {
    if (!painting_) update();
}

void VtkViewWidget::onRenderEnd(vtkObject*, unsigned long, void*) {
    ++renderCount_;
    emit rendered();
}

void VtkViewWidget::onCursorChanged(vtkObject*, unsigned long, void* callData) {
    setCursor(qtCursorShapeForVtkCursor(*static_cast<int*>(callData)));
}

void VtkViewWidget::initializeGL() {
    disconnect(contextDestroyedConnection_);
    surface_ = context()->surface();
    contextDestroyedConnection_ = connect(context(), &QOpenGLContext::aboutToBeDestroyed, this,
                                          &VtkViewWidget::releaseGraphics, Qt::DirectConnection);
    renderWindow_->GetState()->Reset();
    renderWindow_->SetOwnContext(0);
    renderWindow_->SetReadyForRendering(true);
    renderWindow_->OpenGLInitContext();
    deviceSize_ = QSize();
    renderPending_ = true;
}

// VTK keeps GL resources per context: they must go before the context does.
void VtkViewWidget::releaseGraphics() {
    if (context() == nullptr || surface_ == nullptr || !renderWindow_->GetReadyForRendering())
        return;
    context()->makeCurrent(surface_);
    renderWindow_->Finalize();
    renderWindow_->SetReadyForRendering(false);
}

void VtkViewWidget::resizeGL(int, int) {
    if (syncSizeWithDevice()) renderPending_ = true;
}

// The render window is the device size times the render scale; its DPI scales with it, so
// text keeps its size on screen once the image is stretched.
bool VtkViewWidget::syncSizeWithDevice() {
    const double ratio = devicePixelRatioF();
    const QSize device(static_cast<int>(std::lround(width() * ratio)),
                       static_cast<int>(std::lround(height() * ratio)));
    const QSize size(std::max(1, static_cast<int>(std::lround(device.width() * renderScale_))),
                     std::max(1, static_cast<int>(std::lround(device.height() * renderScale_))));
    if (device == deviceSize_ && size == renderSize_) return false;
    deviceSize_ = device;
    renderSize_ = size;
    interactor_->UpdateSize(size.width(), size.height());
    renderWindow_->SetSize(size.width(), size.height());
    renderWindow_->SetScreenSize(size.width(), size.height());
    renderWindow_->SetDPI(static_cast<int>(std::lround(72 * ratio * renderScale_)));
    return true;
}

// Event positions are in the render window's pixels: a drag that changes the scale keeps its
// last position in the same units, so the camera does not jump.
void VtkViewWidget::setRenderScale(double scale) {
    if (scale == renderScale_) return;
    const double factor = scale / renderScale_;
    for (int* position : {interactor_->GetEventPosition(), interactor_->GetLastEventPosition()}) {
        position[0] = static_cast<int>(std::lround(position[0] * factor));
        position[1] = static_cast<int>(std::lround(position[1] * factor));
    }
    renderScale_ = scale;
    syncSizeWithDevice();
    requestRender();
}

double VtkViewWidget::eventScale() const { return devicePixelRatioF() * renderScale_; }

void VtkViewWidget::paintGL() {
    if (syncSizeWithDevice()) renderPending_ = true;
    vtkOpenGLState* state = renderWindow_->GetState();
    state->Reset();
    state->Push();
    if (!renderPending_) {
        blitToWidgetFramebuffer();
        state->Pop();
        return;
    }
    renderPending_ = false;
    QElapsedTimer frame;
    frame.start();
    painting_ = true;
    interactor_->Render();
    painting_ = false;
    // The copy waits for software OpenGL to finish drawing, so the frame's cost includes it.
    blitToWidgetFramebuffer();
    state->Pop();
    emit frameTimed(double(frame.nsecsElapsed()) * 1e-9);
}

// Goes through VTK's state object so its cached bindings stay true; the framebuffer id is
// asked for every time because Qt replaces it on resize.
void VtkViewWidget::blitToWidgetFramebuffer() {
    vtkOpenGLState* state = renderWindow_->GetState();
    state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
    state->vtkglDrawBuffer(GL_COLOR_ATTACHMENT0);
    state->vtkglDisable(GL_SCISSOR_TEST);
    int source[2] = {0, 0};
    renderWindow_->GetRenderFramebuffer()->GetLastSize(source);
    const int filter = renderSize_ == deviceSize_ ? GL_NEAREST : GL_LINEAR;
    renderWindow_->BlitDisplayFramebuffer(0, 0, 0, source[0], source[1], 0, 0, deviceSize_.width(),
                                          deviceSize_.height(), GL_COLOR_BUFFER_BIT, filter);
    // Qt composes the widget with its alpha: VTK's may be below 1 where nothing was drawn.
    state->vtkglColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
    state->vtkglClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    state->vtkglClear(GL_COLOR_BUFFER_BIT);
    state->vtkglColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
}

// A framebuffer grab is what creates the context of a widget that was never shown.
void VtkViewWidget::makeVtkContextCurrent() {
    if (!isValid()) grabFramebuffer();
    context()->makeCurrent(surface_);
}

QImage VtkViewWidget::grabImage(double scale) {
    // A collapsed view has nothing to show, and VTK cannot read back an empty window.
    if (width() <= 0 || height() <= 0) return {};
    makeVtkContextCurrent();
    const double interactiveScale = renderScale_;
    renderScale_ = 1.0;
    syncSizeWithDevice();
    vtkOpenGLState* state = renderWindow_->GetState();
    state->Reset();
    state->Push();
    emit captureStarting();
    beginScaledCapture(scale);
    QImage image = renderWindowToImage(renderWindow_, scale);
    endScaledCapture();
    emit captureFinished();
    state->Pop();
    renderScale_ = interactiveScale;
    syncSizeWithDevice();
    doneCurrent();
    requestRender();
    return image;
}

void VtkViewWidget::beginScaledCapture(double) {}

void VtkViewWidget::endScaledCapture() {}

void VtkViewWidget::mousePressEvent(QMouseEvent* event) {
    forwardMouseEvent(interactor_, *event, eventScale());
}

void VtkViewWidget::mouseReleaseEvent(QMouseEvent* event) {
    forwardMouseEvent(interactor_, *event, eventScale());
}

void VtkViewWidget::mouseMoveEvent(QMouseEvent* event) {
    forwardMouseEvent(interactor_, *event, eventScale());
}

void VtkViewWidget::mouseDoubleClickEvent(QMouseEvent* event) {
    forwardMouseEvent(interactor_, *event, eventScale());
}

void VtkViewWidget::wheelEvent(QWheelEvent* event) {
    forwardWheelEvent(interactor_, *event, eventScale());
}

void VtkViewWidget::keyPressEvent(QKeyEvent* event) { forwardKeyEvent(interactor_, *event); }

void VtkViewWidget::keyReleaseEvent(QKeyEvent* event) { forwardKeyEvent(interactor_, *event); }

void VtkViewWidget::enterEvent(QEnterEvent* event) {
    const double ratio = eventScale();
    interactor_->SetEventInformationFlipY(static_cast<int>(event->position().x() * ratio),
                                          static_cast<int>(event->position().y() * ratio));
    interactor_->EnterEvent();
}

void VtkViewWidget::leaveEvent(QEvent*) { interactor_->LeaveEvent(); }

}  // namespace lngeom::widgets
