#include "widgets/figures/figure_scene_svg.h"

#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>

#include "core/charts/site_labels.h"
#include "widgets/document/dump_document.h"
#include "widgets/figures/figure_captions.h"
#include "widgets/figures/figure_writer.h"
#include "widgets/figures/page_projection.h"
#include "widgets/figures/scene_svg_shapes.h"
#include "widgets/figures/svg_text.h"
#include "widgets/projection/projection_colours.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::widgets {
namespace {

constexpr double kAxisLength = 1.35;  // × the sphere radius, as the view draws its axes
constexpr double kAxisLabelPoints = 11;

// The axes' names at their ends, each beyond its end and clear of the others.
std::string axisLabels(const PageProjection& project, const ProjectedCloud& cloud,
                       const PageRect& area) {
    const double axis = kAxisLength * cloud.sphere_radius;
    return svgAxisLabels(project, Eigen::Vector3d::Zero(),
                         {{{0, 0, axis}, "1 (û)"},
                          {{axis, 0, 0}, cloud.basis.axis_names[0]},
                          {{0, axis, 0}, cloud.basis.axis_names[1]}},
                         area, {.points = kAxisLabelPoints});
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
    const Eigen::Vector3d centre = Eigen::Vector3d::Zero();
    std::string out = svgPolyline(project, ellipsePoints(centre, radius * u, radius * v), thin);
    out += svgPolyline(
        project,
        ellipsePoints(centre, radius * Eigen::Vector3d::UnitX(), radius * Eigen::Vector3d::UnitY()),
        "stroke=\"#999\" stroke-width=\"0.6\" stroke-dasharray=\"3,2\"");
    const std::string axisStyle = "stroke=\"#000\" stroke-width=\"1\"";
    out += svgPolyline(project, {{0, 0, -axis}, {0, 0, axis}}, axisStyle);
    out += svgPolyline(project, {{-axis, 0, 0}, {axis, 0, 0}}, axisStyle);
    out += svgPolyline(project, {{0, -axis, 0}, {0, axis, 0}}, axisStyle);
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
    double baseline = 0;
    svg += svgTitle(title(cloud, document, colours), width, kTitle, baseline);
    const double top = baseline + svgLineHeight(kTitle) * 0.2 + 4;
    const ColourBarPlace bar = placeColourBar(colours, width, height, top);
    const double right =
        colours.twoColours ? width - kSceneFigureMargin : bar.left - bar.labelWidth - 6;
    // The axis labels start at their anchors: room for one to the right and above.
    const double label = svgLineHeight({.points = kAxisLabelPoints});
    PageProjection project(renderer, double(width) / height);
    constexpr SvgTextStyle kNote{.points = 9, .colour = "#444"};
    const double bottom = height - kSceneFigureMargin - svgLineHeight(kNote);
    const PageRect area{kSceneFigureMargin, top + label, right - kSceneFigureMargin - 3 * label,
                        bottom - top - label};
    project.fit(extentOf(cloud), area);
    svg += frame(project, renderer->GetActiveCamera(), cloud);
    svg += axisLabels(project, cloud,
                      {kSceneFigureMargin, top, right - kSceneFigureMargin, bottom - top});
    Index beyond = 0;
    svg += svgPoints(project, cloud.points, colours, area, beyond);
    if (beyond > 0) {
        const std::string note =
            std::to_string(beyond) + " of " + std::to_string(cloud.points.rows()) +
            " tokens lie beyond the picture (the farthest at " +
            svgNumber(double(cloud.points.rowwise().norm().maxCoeff()) / cloud.sphere_radius) +
            "·√d)";
        svg += svgText(kSceneFigureMargin, height - kSceneFigureMargin,
                       svgFittedLines(note, right - kSceneFigureMargin, 1, kNote).front(), kNote);
    }
    svg += svgColourBar(colours, bar) + "</svg>\n";
    writeSvgFigure(svg, path, {});
}

}  // namespace lngeom::widgets
