#include "widgets/figures/scene_svg_shapes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <sstream>

#include "widgets/figures/label_placement.h"

namespace lngeom::widgets {
namespace {

constexpr double kPointRadius = 1.6;  // in SVG units (points)
constexpr SvgTextStyle kBarText{.points = 10, .anchor = "end"};
constexpr double kBarWidth = 12;

std::vector<std::string> barTitleLines(const std::string& title) {
    std::istringstream stream(title);
    std::vector<std::string> lines;
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    return lines;
}

std::string barLabel(const PointColours& colours, int label) {
    const double t = colours.labels > 1 ? double(label) / (colours.labels - 1) : 0;
    char value[32];
    std::snprintf(value, sizeof value, colours.labelFormat.c_str(),
                  colours.low + t * (colours.high - colours.low));
    return value;
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

}  // namespace

std::string svgPolyline(const PageProjection& project, const std::vector<Eigen::Vector3d>& points,
                        const std::string& style) {
    std::string out = "<polyline fill=\"none\" " + style + " points=\"";
    for (const Eigen::Vector3d& point : points) {
        const Eigen::Vector3d at = project(point);
        out += svgNumber(at.x()) + "," + svgNumber(at.y()) + " ";
    }
    return out + "\"/>\n";
}

std::vector<Eigen::Vector3d> ellipsePoints(const Eigen::Vector3d& centre, const Eigen::Vector3d& u,
                                           const Eigen::Vector3d& v, int segments) {
    std::vector<Eigen::Vector3d> points;
    for (int i = 0; i <= segments; ++i) {
        const double angle = 2 * M_PI * i / segments;
        points.push_back(centre + std::cos(angle) * u + std::sin(angle) * v);
    }
    return points;
}

Eigen::Vector2d directionFrom(const Eigen::Vector2d& origin, const Eigen::Vector2d& at) {
    return (at - origin).norm() > 1e-6 ? Eigen::Vector2d((at - origin).normalized())
                                       : Eigen::Vector2d(1, 0);
}

std::string svgAxisLabels(const PageProjection& project, const Eigen::Vector3d& origin,
                          const std::vector<SvgAxisEnd>& ends, const PageRect& area,
                          const SvgTextStyle& style) {
    const Eigen::Vector2d centre = project(origin).head<2>();
    LabelPlacer placer(area);
    std::string out;
    for (const SvgAxisEnd& end : ends) {
        const Eigen::Vector2d at = project(end.at).head<2>();
        const Eigen::Vector2d baseline =
            placer.place(at, svgTextWidth(end.name, style), 0.75 * style.points,
                         0.25 * style.points, directionFrom(centre, at));
        out += svgText(baseline.x(), baseline.y(), end.name, style);
    }
    return out;
}

QColor pointColour(const PointColours& colours, float value) {
    if (colours.twoColours) return value > 0.5f ? QColor(255, 158, 26) : QColor(140, 148, 166);
    if (!std::isfinite(value)) return QColor(128, 128, 128);
    const double t = std::clamp((value - colours.low) / (colours.high - colours.low), 0.0, 1.0);
    return QColor::fromHsvF(float(0.66 * (1 - t)), 0.85f, 1.0f);
}

std::string svgPoints(const PageProjection& project, const PointRows& points,
                      const PointColours& colours, const PageRect& area, Index& beyond) {
    std::vector<Eigen::Vector3d> screen(std::size_t(points.rows()));
    for (Index row = 0; row < points.rows(); ++row)
        screen[std::size_t(row)] = project(points.row(row).transpose().cast<double>());
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
        out += "<circle cx=\"" + svgNumber(x) + "\" cy=\"" + svgNumber(y) + "\" r=\"" +
               svgNumber(kPointRadius) + "\" fill=\"" +
               pointColour(colours, colours.values[row]).name().toStdString() + "\"/>\n";
    }
    return out + "</g>\n";
}

ColourBarPlace placeColourBar(const PointColours& colours, int width, int height, double top) {
    ColourBarPlace place;
    double widest = 0;
    for (const std::string& line : barTitleLines(colours.title))
        widest = std::max(widest, svgTextWidth(line, kBarText));
    for (int label = 0; label < colours.labels; ++label)
        place.labelWidth =
            std::max(place.labelWidth, svgTextWidth(barLabel(colours, label), kBarText));
    const double right = width - kSceneFigureMargin;
    place.left = right - kBarWidth;
    const double titleHeight =
        svgLineHeight(kBarText) * double(barTitleLines(colours.title).size());
    place.top = top + titleHeight + 10;
    place.bottom = height - kSceneFigureMargin - svgLineHeight(kBarText) / 2;
    place.labelWidth = std::max(place.labelWidth + 4, widest - kBarWidth);
    return place;
}

std::string svgColourBar(const PointColours& colours, const ColourBarPlace& place) {
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
               pointColour(colours, value).name().toStdString() + "\"/>\n";
    }
    out += "</g>\n" + barTitle(colours.title, left + kBarWidth, top - 10);
    for (int label = 0; label < colours.labels; ++label) {
        const double t = colours.labels > 1 ? double(label) / (colours.labels - 1) : 0;
        out +=
            svgText(left - 4, top + (1 - t) * barHeight + 3.5, barLabel(colours, label), kBarText);
    }
    return out;
}

std::string svgTitle(const std::string& title, double width, const SvgTextStyle& style,
                     double& baseline) {
    std::string out;
    const double step = svgLineHeight(style);
    baseline = kSceneFigureMargin + 0.8 * step - step;
    for (const std::string& line :
         svgFittedLines(title, width - 2 * kSceneFigureMargin, 2, style)) {
        baseline += step;
        out += svgText(kSceneFigureMargin, baseline, line, style);
    }
    return out;
}

}  // namespace lngeom::widgets
