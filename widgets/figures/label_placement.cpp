#include "widgets/figures/label_placement.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace lngeom::widgets {
namespace {

// Places around the anchor (right, left, above, below and the diagonals, y down), at one, three
// and six gaps away.
constexpr double kGap = 4;
constexpr std::array<std::array<double, 2>, 8> kDirections{
    {{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}}};

PageBox boxAt(const Eigen::Vector2d& baseline, double width, double ascent, double descent) {
    return {baseline.x(), baseline.y() - ascent, baseline.x() + width, baseline.y() + descent};
}

// The baseline that puts the box on side `direction` of the anchor, `distance` away.
Eigen::Vector2d baselineFor(const Eigen::Vector2d& anchor, const std::array<double, 2>& direction,
                            double distance, double width, double ascent, double descent) {
    const double x = direction[0] > 0   ? anchor.x() + distance
                     : direction[0] < 0 ? anchor.x() - distance - width
                                        : anchor.x() - width / 2;
    const double y = direction[1] > 0   ? anchor.y() + distance + ascent
                     : direction[1] < 0 ? anchor.y() - distance - descent
                                        : anchor.y() + (ascent - descent) / 2;
    return {x, y};
}

double overlapArea(const PageBox& a, const PageBox& b) {
    const double width = std::min(a.right, b.right) - std::max(a.left, b.left);
    const double height = std::min(a.bottom, b.bottom) - std::max(a.top, b.top);
    return width > 0 && height > 0 ? width * height : 0;
}

}  // namespace

bool PageBox::intersects(const PageBox& other) const { return overlapArea(*this, other) > 0; }

bool PageBox::inside(const PageRect& area) const {
    return left >= area.left && top >= area.top && right <= area.left + area.width &&
           bottom <= area.top + area.height;
}

double LabelPlacer::overlap(const PageBox& box) const {
    double total = 0;
    for (const PageBox& taken : taken_) total += overlapArea(box, taken);
    return total;
}

Eigen::Vector2d LabelPlacer::place(const Eigen::Vector2d& anchor, double width, double ascent,
                                   double descent, const Eigen::Vector2d& away) {
    // The directions closest to `away` first.
    auto directions = kDirections;
    std::stable_sort(directions.begin(), directions.end(), [&away](const auto& a, const auto& b) {
        return Eigen::Vector2d(a[0], a[1]).normalized().dot(away) >
               Eigen::Vector2d(b[0], b[1]).normalized().dot(away);
    });
    Eigen::Vector2d best = anchor;
    double leastOverlap = std::numeric_limits<double>::infinity();
    for (double distance : {kGap, 3 * kGap, 6 * kGap})
        for (const auto& direction : directions) {
            const Eigen::Vector2d baseline =
                baselineFor(anchor, direction, distance, width, ascent, descent);
            const PageBox box = boxAt(baseline, width, ascent, descent);
            if (!box.inside(area_)) continue;
            const double covered = overlap(box);
            if (covered == 0) {
                taken_.push_back(box);
                return baseline;
            }
            if (covered < leastOverlap) {
                leastOverlap = covered;
                best = baseline;
            }
        }
    if (!std::isfinite(leastOverlap))
        best = {std::clamp(anchor.x(), area_.left, area_.left + area_.width - width),
                std::clamp(anchor.y(), area_.top + ascent, area_.top + area_.height - descent)};
    taken_.push_back(boxAt(best, width, ascent, descent));
    return best;
}

}  // namespace lngeom::widgets
