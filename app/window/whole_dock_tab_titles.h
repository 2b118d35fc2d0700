#pragma once
// Qt elides the titles of tabbed docks to share the dock's width, so on a 1280 px screen the
// chart tabs read "His…", "Layer …", "C…" and a user cannot tell them apart. Whole titles with
// scroll arrows read better: every tab says what it is, and the arrows say there are more.

#include <QObject>

class QMainWindow;

namespace lngeom::app {

// Keeps every dock tab bar of `window` showing whole titles, including the bars Qt creates
// later when docks are tabbed, moved or restored from a saved layout.
void keepDockTabTitlesWhole(QMainWindow* window);

}  // namespace lngeom::app
