#pragma once
// Where the window opens the first time, before the user has sized it (afterwards the size they
// left it at is restored): most of the screen's available area, centred, never larger than it.

#include <QRect>

namespace lngeom::app {

// 90% of `available` in each direction, but no smaller than 1280 × 800 (the laptop screen the
// default layout is made for), and never larger than `available`: a small screen is used whole.
QRect firstStartGeometry(const QRect& available);

}  // namespace lngeom::app
