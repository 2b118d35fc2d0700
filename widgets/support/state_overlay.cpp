#include "widgets/support/state_overlay.h"

#include <QEvent>

namespace lngeom::widgets {

StateOverlay::StateOverlay(QWidget* picture) : QLabel(picture) {
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setMargin(24);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The window's own colours, slightly translucent, so it reads in either theme and over
    // either a white chart or the dark 3D scene.
    setAutoFillBackground(false);
    setStyleSheet(
        "QLabel { background-color: palette(window); color: palette(window-text);"
        " border: 1px solid palette(mid); font-size: 11pt; }");
    picture->installEventFilter(this);
    setGeometry(picture->rect());
    hide();
}

void StateOverlay::setMessage(const QString& message) {
    setText(message);
    setVisible(!message.isEmpty());
    if (!message.isEmpty()) raise();
}

bool StateOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Resize) setGeometry(parentWidget()->rect());
    return QLabel::eventFilter(watched, event);
}

}  // namespace lngeom::widgets
