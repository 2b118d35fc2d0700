#include "widgets/vtk_hosting/vtk_input_forwarding.h"

#include <vtkGenericRenderWindowInteractor.h>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>
#include <string>

namespace lngeom::widgets {
namespace {

void setPointerInformation(vtkGenericRenderWindowInteractor* interactor, QPointF position,
                           Qt::KeyboardModifiers modifiers, double devicePixelRatio,
                           int repeatCount) {
    const int x = static_cast<int>(std::lround(position.x() * devicePixelRatio));
    const int y = static_cast<int>(std::lround(position.y() * devicePixelRatio));
    interactor->SetEventInformationFlipY(x, y, modifiers.testFlag(Qt::ControlModifier),
                                         modifiers.testFlag(Qt::ShiftModifier), 0, repeatCount);
    interactor->SetAltKey(modifiers.testFlag(Qt::AltModifier));
}

void pressButton(vtkGenericRenderWindowInteractor* interactor, Qt::MouseButton button) {
    switch (button) {
        case Qt::LeftButton:
            interactor->LeftButtonPressEvent();
            break;
        case Qt::MiddleButton:
            interactor->MiddleButtonPressEvent();
            break;
        case Qt::RightButton:
            interactor->RightButtonPressEvent();
            break;
        default:
            break;
    }
}

void releaseButton(vtkGenericRenderWindowInteractor* interactor, Qt::MouseButton button) {
    switch (button) {
        case Qt::LeftButton:
            interactor->LeftButtonReleaseEvent();
            break;
        case Qt::MiddleButton:
            interactor->MiddleButtonReleaseEvent();
            break;
        case Qt::RightButton:
            interactor->RightButtonReleaseEvent();
            break;
        default:
            break;
    }
}

// VTK names keys as X11 key symbols; interactor styles compare against these names.
std::string keySymbol(const QKeyEvent& event) {
    switch (event.key()) {
        case Qt::Key_Left:
            return "Left";
        case Qt::Key_Right:
            return "Right";
        case Qt::Key_Up:
            return "Up";
        case Qt::Key_Down:
            return "Down";
        case Qt::Key_Return:
            return "Return";
        case Qt::Key_Enter:
            return "KP_Enter";
        case Qt::Key_Escape:
            return "Escape";
        case Qt::Key_Space:
            return "space";
        case Qt::Key_Tab:
            return "Tab";
        case Qt::Key_Backspace:
            return "BackSpace";
        case Qt::Key_Delete:
            return "Delete";
        case Qt::Key_Home:
            return "Home";
        case Qt::Key_End:
            return "End";
        case Qt::Key_PageUp:
            return "Prior";
        case Qt::Key_PageDown:
            return "Next";
        case Qt::Key_Shift:
            return "Shift_L";
        case Qt::Key_Control:
            return "Control_L";
        case Qt::Key_Alt:
            return "Alt_L";
        default:
            break;
    }
    if (event.key() >= Qt::Key_F1 && event.key() <= Qt::Key_F12)
        return "F" + std::to_string(event.key() - Qt::Key_F1 + 1);
    return event.text().toStdString();
}

}  // namespace

void forwardMouseEvent(vtkGenericRenderWindowInteractor* interactor, const QMouseEvent& event,
                       double devicePixelRatio) {
    const bool doubleClick = event.type() == QEvent::MouseButtonDblClick;
    setPointerInformation(interactor, event.position(), event.modifiers(), devicePixelRatio,
                          doubleClick ? 1 : 0);
    switch (event.type()) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonDblClick:
            pressButton(interactor, event.button());
            break;
        case QEvent::MouseButtonRelease:
            releaseButton(interactor, event.button());
            break;
        case QEvent::MouseMove:
            interactor->MouseMoveEvent();
            break;
        default:
            break;
    }
}

void forwardWheelEvent(vtkGenericRenderWindowInteractor* interactor, const QWheelEvent& event,
                       double devicePixelRatio) {
    setPointerInformation(interactor, event.position(), event.modifiers(), devicePixelRatio, 0);
    const QPoint delta = event.angleDelta();
    if (delta.y() > 0) interactor->MouseWheelForwardEvent();
    if (delta.y() < 0) interactor->MouseWheelBackwardEvent();
    if (delta.x() > 0) interactor->MouseWheelLeftEvent();
    if (delta.x() < 0) interactor->MouseWheelRightEvent();
}

void forwardKeyEvent(vtkGenericRenderWindowInteractor* interactor, const QKeyEvent& event) {
    const QString text = event.text();
    const char keyCode = text.size() == 1 && text.at(0).unicode() < 128 ? text.at(0).toLatin1() : 0;
    const Qt::KeyboardModifiers modifiers = event.modifiers();
    const std::string symbol = keySymbol(event);
    interactor->SetKeyEventInformation(modifiers.testFlag(Qt::ControlModifier),
                                       modifiers.testFlag(Qt::ShiftModifier), keyCode,
                                       event.isAutoRepeat() ? 1 : 0, symbol.c_str());
    interactor->SetAltKey(modifiers.testFlag(Qt::AltModifier));
    if (event.type() == QEvent::KeyPress) {
        interactor->KeyPressEvent();
        if (keyCode != 0) interactor->CharEvent();
    } else {
        interactor->KeyReleaseEvent();
    }
}

}  // namespace lngeom::widgets
