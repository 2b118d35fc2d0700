#pragma once
// The window's geometry and the arrangement of its docks and toolbars, kept between runs
// (QSettings) and resettable to the arrangement the window was built with.

#include <QByteArray>

class QMainWindow;

namespace lngeom::app {

class WindowLayout {
  public:
    // Call once every dock and toolbar exists: their arrangement then is the default.
    explicit WindowLayout(QMainWindow* window);

    // The last saved arrangement, if any; false when there was none to restore.
    bool restore();
    void save() const;
    void reset();

  private:
    QMainWindow* window_;
    QByteArray defaultState_;
};

}  // namespace lngeom::app
