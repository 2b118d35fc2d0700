#include "core/geometry/screen_picking.h"

#include <algorithm>
#include <limits>

namespace lngeom {

Index pick_point(const PointRows& points, const ScreenPick& pick) {
    const Eigen::Matrix<double, 3, 4> m = pick.world_to_clip.topRows(3);
    const Eigen::Vector4d w_row = pick.world_to_clip.row(3);
    const double radius_squared = pick.radius * pick.radius;
    Index best = -1;
    double best_distance = std::numeric_limits<double>::infinity();
    double best_depth = std::numeric_limits<double>::infinity();
    for (Index i = 0; i < points.rows(); i += std::max<Index>(pick.stride, 1)) {
        const Eigen::Vector4d world(points(i, 0), points(i, 1), points(i, 2), 1.0);
        const double w = w_row.dot(world);
        if (!(w > 0)) continue;
        const Eigen::Vector3d ndc = m * world / w;
        if (std::abs(ndc.z()) > 1) continue;
        const Eigen::Vector2d screen =
            (ndc.head<2>().array() + 1.0).matrix().cwiseProduct(pick.viewport_size) * 0.5;
        const double distance = (screen - pick.position).squaredNorm();
        if (distance > radius_squared) continue;
        // Distances within a quarter pixel count as ties: the point in front wins.
        const bool nearer = distance < best_distance - 0.25;
        const bool tie_in_front = distance <= best_distance + 0.25 && ndc.z() < best_depth;
        if (nearer || tie_in_front) {
            best = i;
            best_distance = std::min(distance, best_distance);
            best_depth = ndc.z();
        }
    }
    return best;
}

}  // namespace lngeom
