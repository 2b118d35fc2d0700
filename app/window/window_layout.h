#pragma once
// The window's geometry and the arrangement of its docks and toolbars, kept between runs
// (QSettings) and resettable to the arrangement the window was built with. The first start, with
// nothing saved, opens on most of the screen (first_start_geometry.h).

#include <QByteArray>

#include <functional>

class QMainWindow;
class QSize;

namespace lngeom::app {

class WindowLayout {
  public:
    // Call once every dock and toolbar exists: their arrangement then is the default.
    // `arrangeDocks` sizes the default arrangement's docks for the window's current size.
    WindowLayout(QMainWindow* window, std::function<void()> arrangeDocks);

    // The last saved geometry and arrangement; false when none was saved (the first start).
    bool restore();
    void save() const;
    // The default arrangement, its docks sized for the window's current size.
    void reset();
    // The window on the available area of its screen, with the default arrangement.
    void placeForFirstStart();
    // A size asked for (--window-size); the default arrangement is sized for it unless the
    // user's own was restored.
    void resize(const QSize& size);

  private:
    QMainWindow* window_;
    std::function<void()> arrangeDocks_;
    QByteArray defaultState_;
    bool restored_ = false;
};

}  // namespace lngeom::app
