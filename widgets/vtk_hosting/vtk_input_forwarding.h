#pragma once
// Translation of Qt input events into the calls a VTK interactor understands. Positions are
// converted to device pixels with VTK's bottom-left origin.

class QEnterEvent;
class QKeyEvent;
class QMouseEvent;
class QWheelEvent;
class vtkGenericRenderWindowInteractor;

namespace lngeom::widgets {

void forwardMouseEvent(vtkGenericRenderWindowInteractor* interactor, const QMouseEvent& event,
                       double devicePixelRatio);
void forwardWheelEvent(vtkGenericRenderWindowInteractor* interactor, const QWheelEvent& event,
                       double devicePixelRatio);
void forwardKeyEvent(vtkGenericRenderWindowInteractor* interactor, const QKeyEvent& event);

}  // namespace lngeom::widgets
