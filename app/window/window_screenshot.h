#pragma once
// `lngeom --screenshot PATH`: how README screenshots are taken and how the app-level test
// looks at the real window.

#include <QString>

namespace lngeom::app {

class MainWindow;

// Once every file has loaded (or failed) and the views have drawn, grabs the whole window into a
// PNG at `path` and quits the event loop with 0 (1 when nothing could be written or the views never
// drew).
void saveScreenshotWhenDrawn(MainWindow& window, const QString& path);

}  // namespace lngeom::app
