#pragma once
// `lngeom --screenshot PATH`: how README screenshots are taken and how the app-level test
// looks at the real window.

#include <QString>
#include <QStringList>

#include <chrono>

namespace lngeom::app {

class MainWindow;

// How long --screenshot waits for every file and view by default.
inline constexpr std::chrono::seconds kDefaultScreenshotTimeout{300};

// Once every file has loaded (or failed), every view has drawn and no view's background job
// runs (MainWindow::stillLoading() is empty), grabs the whole window into a PNG at `path` and
// quits the event loop with 0. Quits with 1 when the PNG cannot be written, or when `timeout`
// passes first: then the error names what was still loading.
void saveScreenshotWhenDrawn(MainWindow& window, const QString& path,
                             std::chrono::milliseconds timeout = kDefaultScreenshotTimeout);

// The error when `timeout` passed with `waiting` (MainWindow::stillLoading()) not done.
QString screenshotTimeoutMessage(const QStringList& waiting, std::chrono::milliseconds timeout);

}  // namespace lngeom::app
