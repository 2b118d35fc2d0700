#include "app/window/first_start_geometry.h"

#include <algorithm>

namespace lngeom::app {
namespace {

constexpr double kScreenShare = 0.9;
constexpr int kComfortableWidth = 1280;
constexpr int kComfortableHeight = 800;

int firstStartLength(int available, int comfortable) {
    return std::min(available, std::max(int(available * kScreenShare), comfortable));
}

}  // namespace

QRect firstStartGeometry(const QRect& available) {
    QRect geometry(0, 0, firstStartLength(available.width(), kComfortableWidth),
                   firstStartLength(available.height(), kComfortableHeight));
    geometry.moveCenter(available.center());
    return geometry;
}

}  // namespace lngeom::app
