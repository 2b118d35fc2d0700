#pragma once
// The pieces of SVG that the figures drawn from a 3D scene share (the projection, the
// step-through, the γ-ellipsoid): lines and ellipses given in world coordinates and drawn
// through the scene's camera, points coloured as the views colour them, farthest first, the
// views' colour bar, and the title at the top of the page.

#include <QColor>

#include <Eigen/Core>
#include <string>
#include <vector>

#include "core/geometry/projection.h"
#include "widgets/figures/page_projection.h"
#include "widgets/figures/svg_text.h"
#include "widgets/projection/projection_cloud_actor.h"

namespace lngeom::widgets {

// The page's margin around what a scene figure draws, in points.
constexpr double kSceneFigureMargin = 8;

// An open polyline through `points` (world coordinates); `style` holds its stroke attributes.
std::string svgPolyline(const PageProjection& project, const std::vector<Eigen::Vector3d>& points,
                        const std::string& style);

// The closed curve centre + cos t·u + sin t·v, t from 0 to 2π in `segments` steps (the last
// point repeats the first): a circle for orthogonal u and v of one length, else an ellipse.
std::vector<Eigen::Vector3d> ellipsePoints(const Eigen::Vector3d& centre, const Eigen::Vector3d& u,
                                           const Eigen::Vector3d& v, int segments = 120);

// The unit direction on the page from `origin` to `at` (rightwards where they meet): the side
// a label of `at` takes, beyond it.
Eigen::Vector2d directionFrom(const Eigen::Vector2d& origin, const Eigen::Vector2d& at);

// An axis's end and its name.
struct SvgAxisEnd {
    Eigen::Vector3d at;
    std::string name;
};

// Each axis's name beyond its end (away from `origin`, where the axes meet), clear of the
// others and inside `area`.
std::string svgAxisLabels(const PageProjection& project, const Eigen::Vector3d& origin,
                          const std::vector<SvgAxisEnd>& ends, const PageRect& area,
                          const SvgTextStyle& style);

// The views' colour of a point with `value`: the rainbow from hue 0.66 (blue, low) to 0 (red,
// high), grey for a value that is not finite; grey and orange for a selection.
QColor pointColour(const PointColours& colours, float value);

// Each row of `points` (world coordinates) inside `area` as a small circle coloured by
// `colours.values` of its row, farthest first; `beyond` counts the rows outside `area`.
std::string svgPoints(const PageProjection& project, const PointRows& points,
                      const PointColours& colours, const PageRect& area, Index& beyond);

// Where the colour bar goes, and how far its labels and title reach left of it.
struct ColourBarPlace {
    double left = 0;
    double top = 0;
    double bottom = 0;
    double labelWidth = 0;  // left of the bar: the widest label, or the title beyond the bar
};

// Right-aligned at the page's right margin, from below `top` to the page's bottom margin.
ColourBarPlace placeColourBar(const PointColours& colours, int width, int height, double top);
// The views' scalar bar at `place`: the title above, the labels to its left; nothing for a
// selection's two colours.
std::string svgColourBar(const PointColours& colours, const ColourBarPlace& place);

// `title` in at most two lines fitted to the page's `width` less its margins, from the top
// margin; `baseline` is set to the last line's baseline.
std::string svgTitle(const std::string& title, double width, const SvgTextStyle& style,
                     double& baseline);

}  // namespace lngeom::widgets
