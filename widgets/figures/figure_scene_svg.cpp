#include "widgets/figures/figure_scene_svg.h"

#include <vtkCamera.h>
#include <vtkMatrix4x4.h>
#include <vtkRenderer.h>
#include <QColor>

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <sstream>

#include "core/charts/site_labels.h"
#include "core/io/atomic_file.h"
#include "widgets/document/dump_document.h"
#include "widgets/figures/figure_pdf.h"
#include "widgets/figures/figure_renderer.h"
#include "widgets/figures/figure_writer.h"
#include "widgets/projection/projection_colours.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::widgets {
namespace {

constexpr int kCircleSegments = 120;
constexpr double kAxisLength = 1.35;  // × the sphere radius, as the view draws its axes
constexpr double kPointRadius = 1.6;  // in SVG units (points)

// World → SVG coordinates (y down) through the camera, and depth for painting far to near.
class SvgProjection {
  public:
    SvgProjection(vtkRenderer* renderer, int width, int height) : width_(width), height_(height) {
        vtkMatrix4x4* matrix = renderer->GetActiveCamera()->GetCompositeProjectionTransformMatrix(
            double(width) / double(height), -1, 1);
        for (int r = 0; r < 4; ++r)
            for (int c = 0; c < 4; ++c) matrix_(r, c) = matrix->GetElement(r, c);
    }

    Eigen::Vector3d operator()(const Eigen::Vector3d& world) const {
        const Eigen::Vector4d clip = matrix_ * world.homogeneous();
        const Eigen::Vector3d ndc = clip.head<3>() / clip.w();
        return {(ndc.x() + 1) * 0.5 * width_, (1 - ndc.y()) * 0.5 * height_, ndc.z()};
    }

  private:
    Eigen::Matrix4d matrix_;
    int width_;
    int height_;
};

std::string number(double value) {
    std::ostringstream out;
    out.precision(5);
    out << value;
    return out.str();
}

std::string polyline(const SvgProjection& project, const std::vector<Eigen::Vector3d>& points,
                     const std::string& style) {
    std::string out = "<polyline fill=\"none\" " + style + " points=\"";
    for (const Eigen::Vector3d& point : points) {
        const Eigen::Vector3d screen = project(point);
        out += number(screen.x()) + "," + number(screen.y()) + " ";
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

std::string label(const SvgProjection& project, const Eigen::Vector3d& at, const std::string& text,
                  int points) {
    const Eigen::Vector3d screen = project(at);
    return "<text x=\"" + number(screen.x()) + "\" y=\"" + number(screen.y()) +
           "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"" + std::to_string(points) +
           "\">" + svgEscaped(text) + "</text>\n";
}

// The sphere's silhouette: the great circle whose plane faces the camera.
std::string frame(const SvgProjection& project, vtkCamera* camera, const ProjectedCloud& cloud) {
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
    out += label(project, {0, 0, axis * 1.04}, "1 (û)", 11);
    out += label(project, {axis * 1.04, 0, 0}, cloud.basis.axis_names[0], 11);
    out += label(project, {0, axis * 1.04, 0}, cloud.basis.axis_names[1], 11);
    return out;
}

// The view's rainbow: hue 0.66 (blue, low) to 0 (red, high); grey and orange for a selection.
QColor colourOf(const PointColours& colours, float value) {
    if (colours.twoColours) return value > 0.5f ? QColor(255, 158, 26) : QColor(140, 148, 166);
    if (!std::isfinite(value)) return QColor(128, 128, 128);
    const double t = std::clamp((value - colours.low) / (colours.high - colours.low), 0.0, 1.0);
    return QColor::fromHsvF(float(0.66 * (1 - t)), 0.85f, 1.0f);
}

std::string points(const SvgProjection& project, const ProjectedCloud& cloud,
                   const PointColours& colours) {
    std::vector<Eigen::Vector3d> screen(std::size_t(cloud.points.rows()));
    for (Index row = 0; row < cloud.points.rows(); ++row)
        screen[std::size_t(row)] = project(cloud.points.row(row).transpose().cast<double>());
    std::vector<std::size_t> order(screen.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return screen[a].z() > screen[b].z(); });
    std::string out = "<g stroke=\"none\">\n";
    for (std::size_t row : order)
        out += "<circle cx=\"" + number(screen[row].x()) + "\" cy=\"" + number(screen[row].y()) +
               "\" r=\"" + number(kPointRadius) + "\" fill=\"" +
               colourOf(colours, colours.values[row]).name().toStdString() + "\"/>\n";
    return out + "</g>\n";
}

std::string text(double x, double y, const std::string& content, const char* anchor) {
    return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\"" + anchor +
           "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"10\">" +
           svgEscaped(content) + "</text>\n";
}

// The bar's title, its last line's baseline at `bottom`, right-aligned at `right`.
std::string barTitle(const std::string& title, double right, double bottom) {
    std::istringstream stream(title);
    std::vector<std::string> lines;
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i)
        out += text(right, bottom - 12.0 * double(lines.size() - 1 - i), lines[i], "end");
    return out;
}

// The view's scalar bar: at its place on the right, the title above, the labels to its left.
std::string colourBar(const PointColours& colours, int width, int height) {
    if (colours.twoColours) return {};
    const double left = 0.9 * width, top = 0.18 * height, barHeight = 0.7 * height;
    constexpr int kSteps = 64;
    constexpr double kBarWidth = 12;
    std::string out = "<g stroke=\"none\">\n";
    for (int step = 0; step < kSteps; ++step) {
        const double t = (step + 0.5) / kSteps;
        const float value = float(colours.high - t * (colours.high - colours.low));
        out += "<rect x=\"" + number(left) + "\" y=\"" + number(top + step * barHeight / kSteps) +
               "\" width=\"" + number(kBarWidth) + "\" height=\"" +
               number(barHeight / kSteps + 0.5) + "\" fill=\"" +
               colourOf(colours, value).name().toStdString() + "\"/>\n";
    }
    out += "</g>\n" + barTitle(colours.title, left + kBarWidth, top - 8);
    for (int label = 0; label < colours.labels; ++label) {
        const double t = colours.labels > 1 ? double(label) / (colours.labels - 1) : 0;
        char value[32];
        std::snprintf(value, sizeof value, colours.labelFormat.c_str(),
                      colours.low + t * (colours.high - colours.low));
        out += text(left - 4, top + (1 - t) * barHeight + 3.5, value, "end");
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

std::string svgEscaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

void writeProjectionVector(const ProjectedCloud& cloud, ProjectionColour colour,
                           VtkViewWidget& scene, const DumpDocument& document,
                           const std::string& path) {
    const int width = scene.width(), height = scene.height();
    vtkRenderer* renderer = scene.renderer();
    const SvgProjection project(renderer, width, height);
    const PointColours colours = cloudColours(colour, document, cloud);
    std::string svg =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
        "width=\"" +
        std::to_string(width) + "pt\" height=\"" + std::to_string(height) + "pt\" viewBox=\"0 0 " +
        std::to_string(width) + " " + std::to_string(height) +
        "\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";
    svg += frame(project, renderer->GetActiveCamera(), cloud);
    svg += points(project, cloud, colours);
    svg += colourBar(colours, width, height);
    svg += "<text x=\"8\" y=\"18\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">" +
           svgEscaped(title(cloud, document, colours)) + "</text>\n</svg>\n";
    if (figureFormatOf(path) != FigureFormat::Pdf) return write_file_atomically(path, svg);
    AtomicFile file(path);
    writePdfFromSvg(svg, file.temporary_path());
    file.commit();
}

}  // namespace lngeom::widgets
