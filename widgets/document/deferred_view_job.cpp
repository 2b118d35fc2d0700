#include "widgets/document/deferred_view_job.h"

#include <QEvent>
#include <QWidget>

namespace lngeom::widgets {

DeferredRefresh::DeferredRefresh(QWidget* view, std::function<void()> reset,
                                 std::function<void()> redraw)
    : view_(view),
      reset_(std::move(reset)),
      redraw_(std::move(redraw)),
      binding_(view, DocumentBinding::Callbacks{[this] { refresh(); }, {}}) {
    view_->installEventFilter(this);
}

DeferredRefresh::~DeferredRefresh() { worker_.cancel(); }

int DeferredRefresh::restart() {
    worker_.cancel();
    deferred_ = false;
    return ++generation_;
}

void DeferredRefresh::refresh() {
    const int generation = restart();
    reset_();
    if (isReady()) {
        deferred_ = !view_->isVisible();
        if (!deferred_) start(generation);
    }
    redraw_();
}

// The view's job waits for its Show event (a dock tab raised, the window shown).
bool DeferredRefresh::eventFilter(QObject* watched, QEvent* event) {
    if (watched == view_ && event->type() == QEvent::Show && deferred_) refresh();
    return false;
}

}  // namespace lngeom::widgets
