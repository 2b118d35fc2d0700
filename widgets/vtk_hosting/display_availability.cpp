#include "widgets/vtk_hosting/display_availability.h"

#include <xcb/xcb.h>

#include <cstdlib>

namespace lngeom::widgets {
namespace {

std::string environmentValue(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

}  // namespace

bool canConnectToX(const std::string& display) {
    xcb_connection_t* connection = xcb_connect(display.c_str(), nullptr);
    const bool connected = xcb_connection_has_error(connection) == 0;
    xcb_disconnect(connection);
    return connected;
}

std::optional<std::string> displayUnavailableReason() {
    if (!environmentValue("WAYLAND_DISPLAY").empty() ||
        !environmentValue("QT_QPA_PLATFORM").empty())
        return std::nullopt;
    const std::string display = environmentValue("DISPLAY");
    if (display.empty()) return "DISPLAY is not set";
    if (!canConnectToX(display)) return "cannot connect to X display " + display;
    return std::nullopt;
}

}  // namespace lngeom::widgets
