#pragma once
// Whether a GUI can start: Qt aborts with a long platform-plugin message when it finds no
// display, so lngeom checks first and says what to do in one line.

#include <optional>
#include <string>

namespace lngeom::widgets {

// Empty when a display is usable; otherwise why not, e.g. "DISPLAY is not set". A Wayland
// display or an explicit QT_QPA_PLATFORM is trusted; an X display is opened to be sure.
std::optional<std::string> displayUnavailableReason();

}  // namespace lngeom::widgets
