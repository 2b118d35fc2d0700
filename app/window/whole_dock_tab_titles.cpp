#include "app/window/whole_dock_tab_titles.h"

#include <QChildEvent>
#include <QMainWindow>
#include <QTabBar>

namespace lngeom::app {

namespace {

void showWholeTitles(QTabBar* bar) {
    bar->setElideMode(Qt::ElideNone);
    bar->setUsesScrollButtons(true);
}

// QMainWindow creates its dock tab bars lazily and sets their elide mode itself, after the bar
// becomes its child; the bar is polished only once that setup is done, so it is changed then.
class DockTabBarWatcher : public QObject {
  public:
    using QObject::QObject;

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::ChildPolished)
            if (auto* bar = qobject_cast<QTabBar*>(static_cast<QChildEvent*>(event)->child()))
                showWholeTitles(bar);
        return QObject::eventFilter(watched, event);
    }
};

}  // namespace

void keepDockTabTitlesWhole(QMainWindow* window) {
    for (QTabBar* bar : window->findChildren<QTabBar*>(Qt::FindDirectChildrenOnly))
        showWholeTitles(bar);
    window->installEventFilter(new DockTabBarWatcher(window));
}

}  // namespace lngeom::app
