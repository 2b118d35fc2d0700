#include "app/window/window_layout.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>

#include "app/window/first_start_geometry.h"

namespace lngeom::app {
namespace {

// Bumped whenever the set of docks changes, so an old arrangement is not applied to new docks.
constexpr int kLayoutVersion = 2;
const char* const kGeometryKey = "layout/geometry";
const char* const kStateKey = "layout/state";

}  // namespace

WindowLayout::WindowLayout(QMainWindow* window, std::function<void()> arrangeDocks)
    : window_(window),
      arrangeDocks_(std::move(arrangeDocks)),
      defaultState_(window->saveState(kLayoutVersion)) {}

// An arrangement saved for another set of docks is dropped, the user's window size kept.
bool WindowLayout::restore() {
    const QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (geometry.isEmpty() || !window_->restoreGeometry(geometry)) return false;
    restored_ = window_->restoreState(settings.value(kStateKey).toByteArray(), kLayoutVersion);
    if (!restored_) reset();
    return true;
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
    arrangeDocks_();
}

// A window as large as the available area is maximized, so that its frame, which the window
// manager adds, does not push it past the screen.
void WindowLayout::placeForFirstStart() {
    const QRect available = window_->screen()->availableGeometry();
    const QRect geometry = firstStartGeometry(available);
    window_->setGeometry(geometry);
    if (geometry.size() == available.size()) window_->setWindowState(Qt::WindowMaximized);
    reset();
}

void WindowLayout::resize(const QSize& size) {
    window_->setWindowState(Qt::WindowNoState);
    window_->resize(size);
    if (!restored_) reset();
}

}  // namespace lngeom::app
