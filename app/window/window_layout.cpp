#include "app/window/window_layout.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QSettings>

namespace lngeom::app {
namespace {

// Bumped whenever the set of docks changes, so an old arrangement is not applied to new docks.
constexpr int kLayoutVersion = 1;
const char* const kGeometryKey = "layout/geometry";
const char* const kStateKey = "layout/state";

}  // namespace

WindowLayout::WindowLayout(QMainWindow* window)
    : window_(window), defaultState_(window->saveState(kLayoutVersion)) {}

bool WindowLayout::restore() {
    const QSettings settings;
    const QByteArray state = settings.value(kStateKey).toByteArray();
    if (state.isEmpty()) return false;
    window_->restoreGeometry(settings.value(kGeometryKey).toByteArray());
    return window_->restoreState(state, kLayoutVersion);
}

void WindowLayout::save() const {
    QSettings settings;
    settings.setValue(kGeometryKey, window_->saveGeometry());
    settings.setValue(kStateKey, window_->saveState(kLayoutVersion));
}

void WindowLayout::reset() {
    for (QDockWidget* dock : window_->findChildren<QDockWidget*>()) {
        dock->setFloating(false);
        dock->show();
    }
    window_->restoreState(defaultState_, kLayoutVersion);
}

}  // namespace lngeom::app
