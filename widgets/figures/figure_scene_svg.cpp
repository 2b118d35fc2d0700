#include "widgets/figures/figure_scene_svg.h"

#include <vtkCamera.h>
#include <vtkRenderer.h>
#include <QColor>

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <sstream>

#include "core/charts/site_labels.h"
#include "widgets/document/dump_document.h"
#include "widgets/figures/figure_captions.h"
#include "widgets/figures/figure_writer.h"
#include "widgets/figures/label_placement.h"
#include "widgets/figures/page_projection.h"
#include "widgets/figures/svg_painter.h"
#include "widgets/figures/svg_text.h"
#include "widgets/projection/projection_colours.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::widgets {
namespace {

constexpr int kCircleSegments = 120;
constexpr double kAxisLength = 1.35;  // × the sphere radius, as the view draws its axes
constexpr double kPointRadius = 1.6;  // in SVG units (points)

std::string polyline(const PageProjection& project, const std::vector<Eigen::Vector3d>& points,
                     const std::string& style) {
    std::string out = "<polyline fill=\"none\" " + style + " points=\"";
    for (const Eigen::Vector3d& point : points) {
        const Eigen::Vector3d screen = project(point);
        out += svgNumber(screen.x()) + "," + svgNumber(screen.y()) + " ";
    }
    return out + "\"/>\n";
}

std::vector<Eigen::Vector3d> circle(const Eigen::Vector3d& u, const Eigen::Vector3d& v,
                                    double radius) {
    std::vector<Eigen::Vector3d> points;
    for (int i = 0; i <= kCircleSegments; ++i) {
        const double angle = 2 * M_PI * i / kCircleSegments;
        points.push_back(radius * (std::cos(angle) * u + std::sin(angle) * v));
    }
    return points;
}

constexpr double kAxisLabelPoints = 11;

// The axes' names at their ends, each beyond its end and clear of the others.
std::string axisLabels(const PageProjection& project, const ProjectedCloud& cloud,
                       const PageRect& area) {
    constexpr SvgTextStyle kStyle{.points = kAxisLabelPoints};
    const double axis = kAxisLength * cloud.sphere_radius;
    const std::pair<Eigen::Vector3d, std::string> ends[] = {
        {{0, 0, axis}, "1 (û)"},
        {{axis, 0, 0}, cloud.basis.axis_names[0]},
        {{0, axis, 0}, cloud.basis.axis_names[1]}};
    const Eigen::Vector2d origin = project(Eigen::Vector3d::Zero()).head<2>();
    LabelPlacer placer(area);
    std::string out;
    for (const auto& [end, name] : ends) {
        const Eigen::Vector2d at = project(end).head<2>();
        const Eigen::Vector2d away = (at - origin).norm() > 1e-6
                                         ? Eigen::Vector2d((at - origin).normalized())
                                         : Eigen::Vector2d(1, 0);
        const Eigen::Vector2d baseline = placer.place(
            at, svgTextWidth(name, kStyle), 0.75 * kStyle.points, 0.25 * kStyle.points, away);
        out += svgText(baseline.x(), baseline.y(), name, kStyle);
    }
    return out;
}

// The sphere's silhouette: the great circle whose plane faces the camera.
std::string frame(const PageProjection& project, vtkCamera* camera, const ProjectedCloud& cloud) {
    const double radius = cloud.sphere_radius;
    const double axis = kAxisLength * radius;
    Eigen::Vector3d toCamera;
    camera->GetDirectionOfProjection(toCamera.data());
    const Eigen::Vector3d u = toCamera.unitOrthogonal();
    const Eigen::Vector3d v = toCamera.normalized().cross(u);
    const std::string thin = "stroke=\"#555\" stroke-width=\"0.8\"";
    std::string out = polyline(project, circle(u, v, radius), thin);
    out += polyline(project, circle(Eigen::Vector3d::UnitX(), Eigen::Vector3d::UnitY(), radius),
                    "stroke=\"#999\" stroke-width=\"0.6\" stroke-dasharray=\"3,2\"");
    const std::string axisStyle = "stroke=\"#000\" stroke-width=\"1\"";
    out += polyline(project, {{0, 0, -axis}, {0, 0, axis}}, axisStyle);
    out += polyline(project, {{-axis, 0, 0}, {axis, 0, 0}}, axisStyle);
    out += polyline(project, {{0, -axis, 0}, {0, axis, 0}}, axisStyle);
    return out;
}

// The radius holding all but the farthest kFarShare of the points, at most kWidestFrame times
// the axes' length, so that the sphere stays legible whatever lies far out.
constexpr double kFarShare = 0.03;
constexpr double kWidestFrame = 3.0;

double bulkRadius(const ProjectedCloud& cloud) {
    std::vector<double> radii;
    for (Index row = 0; row < cloud.points.rows(); ++row)
        radii.push_back(double(cloud.points.row(row).norm()));
    if (radii.empty()) return 0;
    const auto at = radii.begin() + std::ptrdiff_t(double(radii.size() - 1) * (1 - kFarShare));
    std::nth_element(radii.begin(), at, radii.end());
    return std::min(*at, kWidestFrame * kAxisLength * cloud.sphere_radius);
}

// What the picture must hold: the sphere, the axes with their labels' anchors, the bulk of the
// points.
std::vector<Eigen::Vector3d> extentOf(const ProjectedCloud& cloud) {
    const double axis = kAxisLength * cloud.sphere_radius * 1.04;
    std::vector<Eigen::Vector3d> extent{{0, 0, -axis}, {0, 0, axis},  {-axis, 0, 0},
                                        {axis, 0, 0},  {0, -axis, 0}, {0, axis, 0}};
    for (double x : {-1.0, 1.0})
        for (double y : {-1.0, 1.0})
            for (double z : {-1.0, 1.0})
                extent.push_back(cloud.sphere_radius * Eigen::Vector3d(x, y, z));
    // The picture holds the bulk of the cloud: a few tokens far out (a massive activation at
    // 100·√d) would shrink the sphere to a dot. They are left out and counted instead.
    for (Index row = 0; row < cloud.points.rows(); ++row) {
        const Eigen::Vector3d point = cloud.points.row(row).transpose().cast<double>();
        if (point.norm() <= bulkRadius(cloud)) extent.push_back(point);
    }
    return extent;
}

// The view's rainbow: hue 0.66 (blue, low) to 0 (red, high); grey and orange for a selection.
QColor colourOf(const PointColours& colours, float value) {
    if (colours.twoColours) return value > 0.5f ? QColor(255, 158, 26) : QColor(140, 148, 166);
    if (!std::isfinite(value)) return QColor(128, 128, 128);
    const double t = std::clamp((value - colours.low) / (colours.high - colours.low), 0.0, 1.0);
    return QColor::fromHsvF(float(0.66 * (1 - t)), 0.85f, 1.0f);
}

// The points inside `area`, farthest first; `beyond` counts those outside it.
std::string points(const PageProjection& project, const ProjectedCloud& cloud,
                   const PointColours& colours, const PageRect& area, Index& beyond) {
    std::vector<Eigen::Vector3d> screen(std::size_t(cloud.points.rows()));
    for (Index row = 0; row < cloud.points.rows(); ++row)
        screen[std::size_t(row)] = project(cloud.points.row(row).transpose().cast<double>());
    std::vector<std::size_t> order(screen.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return screen[a].z() > screen[b].z(); });
    std::string out = "<g stroke=\"none\">\n";
    beyond = 0;
    for (std::size_t row : order) {
        const double x = screen[row].x(), y = screen[row].y();
        if (x < area.left || x > area.left + area.width || y < area.top ||
            y > area.top + area.height) {
            ++beyond;
            continue;
        }
        out += "<circle cx=\"" + svgNumber(screen[row].x()) + "\" cy=\"" +
               svgNumber(screen[row].y()) + "\" r=\"" + svgNumber(kPointRadius) + "\" fill=\"" +
               colourOf(colours, colours.values[row]).name().toStdString() + "\"/>\n";
    }
    return out + "</g>\n";
}

constexpr SvgTextStyle kBarText{.points = 10, .anchor = "end"};
constexpr double kBarWidth = 12;
constexpr double kMargin = 8;

std::vector<std::string> barTitleLines(const std::string& title) {
    std::istringstream stream(title);
    std::vector<std::string> lines;
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    return lines;
}

// Where the colour bar goes, and how far its labels and title reach left of it.
struct BarPlace {
    double left = 0;
    double top = 0;
    double bottom = 0;
    double labelWidth = 0;  // left of the bar: the widest label, or the title beyond the bar
};

std::string barLabel(const PointColours& colours, int label) {
    const double t = colours.labels > 1 ? double(label) / (colours.labels - 1) : 0;
    char value[32];
    std::snprintf(value, sizeof value, colours.labelFormat.c_str(),
                  colours.low + t * (colours.high - colours.low));
    return value;
}

// Right-aligned at the page's right margin, below the title's `top`.
BarPlace placeBar(const PointColours& colours, int width, int height, double top) {
    BarPlace place;
    double widest = 0;
    for (const std::string& line : barTitleLines(colours.title))
        widest = std::max(widest, svgTextWidth(line, kBarText));
    for (int label = 0; label < colours.labels; ++label)
        place.labelWidth =
            std::max(place.labelWidth, svgTextWidth(barLabel(colours, label), kBarText));
    const double right = width - kMargin;
    place.left = right - kBarWidth;
    const double titleHeight =
        svgLineHeight(kBarText) * double(barTitleLines(colours.title).size());
    place.top = top + titleHeight + 10;
    place.bottom = height - kMargin - svgLineHeight(kBarText) / 2;
    place.labelWidth = std::max(place.labelWidth + 4, widest - kBarWidth);
    return place;
}

// The bar's title lines, the last one's baseline just above the bar, right-aligned with it.
std::string barTitle(const std::string& title, double right, double bottom) {
    const std::vector<std::string> lines = barTitleLines(title);
    std::string out;
    const double step = svgLineHeight(kBarText);
    for (std::size_t i = 0; i < lines.size(); ++i)
        out += svgText(right, bottom - step * double(lines.size() - 1 - i), lines[i], kBarText);
    return out;
}

// The view's scalar bar: at the right edge, the title above, the labels to its left.
std::string colourBar(const PointColours& colours, const BarPlace& place) {
    if (colours.twoColours) return {};
    const double left = place.left, top = place.top, barHeight = place.bottom - place.top;
    constexpr int kSteps = 64;
    std::string out = "<g stroke=\"none\">\n";
    for (int step = 0; step < kSteps; ++step) {
        const double t = (step + 0.5) / kSteps;
        const float value = float(colours.high - t * (colours.high - colours.low));
        out += "<rect x=\"" + svgNumber(left) + "\" y=\"" +
               svgNumber(top + step * barHeight / kSteps) + "\" width=\"" + svgNumber(kBarWidth) +
               "\" height=\"" + svgNumber(barHeight / kSteps + 0.5) + "\" fill=\"" +
               colourOf(colours, value).name().toStdString() + "\"/>\n";
    }
    out += "</g>\n" + barTitle(colours.title, left + kBarWidth, top - 10);
    for (int label = 0; label < colours.labels; ++label) {
        const double t = colours.labels > 1 ? double(label) / (colours.labels - 1) : 0;
        out +=
            svgText(left - 4, top + (1 - t) * barHeight + 3.5, barLabel(colours, label), kBarText);
    }
    return out;
}

std::string title(const ProjectedCloud& cloud, const DumpDocument& document,
                  const PointColours& colours) {
    const SiteInfo& site = document.info().sites[cloud.request.site];
    const std::string tokens = cloud.layers.empty() ? "tokens at site " + site_label(site)
                                                    : "tokens at every " + site.site + " site";
    std::string colour = colours.title;
    std::replace(colour.begin(), colour.end(), '\n', ' ');
    return figureModelName(document) + ": " + tokens + " in the basis " +
           cloud.basis.axis_names[0] + ", " + cloud.basis.axis_names[1] + ", 1" +
           (cloud.layers.empty() ? "" : " of site " + site_label(site)) + "; colour: " + colour;
}

}  // namespace

void writeProjectionVector(const ProjectedCloud& cloud, ProjectionColour colour,
                           VtkViewWidget& scene, const DumpDocument& document,
                           const std::string& path) {
    const int width = scene.width(), height = scene.height();
    vtkRenderer* renderer = scene.renderer();
    const PointColours colours = cloudColours(colour, document, cloud);
    constexpr SvgTextStyle kTitle{.points = 12};
    std::string svg = svgOpening(width, height);
    double baseline = kMargin + svgLineHeight(kTitle) * 0.8;
    for (const std::string& line :
         svgFittedLines(title(cloud, document, colours), width - 2 * kMargin, 2, kTitle)) {
        svg += svgText(kMargin, baseline, line, kTitle);
        baseline += svgLineHeight(kTitle);
    }
    const double top = baseline - svgLineHeight(kTitle) * 0.8 + 4;
    const BarPlace bar = placeBar(colours, width, height, top);
    const double right = colours.twoColours ? width - kMargin : bar.left - bar.labelWidth - 6;
    // The axis labels start at their anchors: room for one to the right and above.
    const double label = svgLineHeight({.points = kAxisLabelPoints});
    PageProjection project(renderer, double(width) / height);
    constexpr SvgTextStyle kNote{.points = 9, .colour = "#444"};
    const double bottom = height - kMargin - svgLineHeight(kNote);
    const PageRect area{kMargin, top + label, right - kMargin - 3 * label, bottom - top - label};
    project.fit(extentOf(cloud), area);
    svg += frame(project, renderer->GetActiveCamera(), cloud);
    svg += axisLabels(project, cloud, {kMargin, top, right - kMargin, bottom - top});
    Index beyond = 0;
    svg += points(project, cloud, colours, area, beyond);
    if (beyond > 0) {
        const std::string note =
            std::to_string(beyond) + " of " + std::to_string(cloud.points.rows()) +
            " tokens lie beyond the picture (the farthest at " +
            svgNumber(double(cloud.points.rowwise().norm().maxCoeff()) / cloud.sphere_radius) +
            "·√d)";
        svg += svgText(kMargin, height - kMargin,
                       svgFittedLines(note, right - kMargin, 1, kNote).front(), kNote);
    }
    svg += colourBar(colours, bar) + "</svg>\n";
    writeSvgFigure(svg, path, {});
}

}  // namespace lngeom::widgets
