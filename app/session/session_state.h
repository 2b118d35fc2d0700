#pragma once
// Takes a Session from the window as the user has set it up, and sets the window up from one:
// reopens the files (each file's site and selection are applied once it is open), makes the
// saved one current and compares it with the saved one, and restores the views' settings, the
// step-through's walk, the camera and the dock layout.

#include "app/session/session.h"

namespace lngeom::app {

class MainWindow;

Session captureSession(const MainWindow& window);
// Closes the files open now first.
void restoreSession(MainWindow& window, const Session& session);

}  // namespace lngeom::app
