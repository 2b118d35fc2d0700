#pragma once
// Whether a GUI can start: Qt aborts with a long platform-plugin message when it finds no
// display, so lngeom checks first and says what to do in one line.

#include <optional>
#include <string>

namespace lngeom::widgets {

// Empty when a display is usable; otherwise why not, e.g. "DISPLAY is not set". A Wayland
// display or an explicit QT_QPA_PLATFORM is trusted; an X display is opened to be sure.
std::optional<std::string> displayUnavailableReason();
// An X client can connect to `display` (e.g. ":3") now.
bool canConnectToX(const std::string& display);

}  // namespace lngeom::widgets
