#include "widgets/figures/ellipsoid_figure_svg.h"

#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>

#include "core/charts/site_labels.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"
#include "widgets/ellipsoid/ellipsoid_view.h"
#include "widgets/figures/figure_captions.h"
#include "widgets/figures/scene_svg_shapes.h"
#include "widgets/projection/cloud_interaction.h"
#include "widgets/support/selection_colour.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::widgets {
namespace {

constexpr double kMargin = kSceneFigureMargin;
// The axes reach this far beyond the ellipsoid, as the view draws them.
constexpr double kAxisReach = 1.15;
// A zero semi-axis is drawn this fraction of the largest long, as the view draws it: flat.
constexpr double kFlatRadius = 1e-3;
constexpr int kSegments = 180;
constexpr SvgTextStyle kTitle{.points = 12};
constexpr SvgTextStyle kModule{.points = 9, .colour = "#444"};
constexpr SvgTextStyle kNote{.points = 9, .colour = "#333"};
constexpr SvgTextStyle kAxisName{.points = 10};
constexpr double kSelectedRadius = 3.6;

const char* const kOutlineStyle = "stroke=\"#2f5597\" stroke-width=\"1.1\"";
const char* const kFrontStyle = "stroke=\"#2f5597\" stroke-width=\"0.8\"";
const char* const kBackStyle = "stroke=\"#8fa8d6\" stroke-width=\"0.6\" stroke-dasharray=\"3,2\"";
const char* const kAxisStyle = "stroke=\"#444\" stroke-width=\"0.8\"";

// The ellipsoid {c + A·u : ‖u‖ = 1}, A = diag(lengths), seen from the camera.
struct Ellipsoid {
    Eigen::Vector3d centre;
    Eigen::Vector3d lengths;  // zero ones raised to kFlatRadius of the largest
    Eigen::Vector3d eye;      // the camera's position (perspective)
    Eigen::Vector3d look;     // the direction of projection (unit)
    bool parallel = false;

    Eigen::Vector3d at(const Eigen::Vector3d& u) const { return centre + lengths.cwiseProduct(u); }
    // Whether the surface at the point of unit `u` faces the camera: its normal A⁻¹·u points
    // towards the eye.
    bool faces(const Eigen::Vector3d& u) const {
        const Eigen::Vector3d normal = u.cwiseQuotient(lengths);
        return normal.dot(parallel ? Eigen::Vector3d(-look) : Eigen::Vector3d(eye - at(u))) > 0;
    }
};

Ellipsoid ellipsoidSeen(const EllipsoidPicture& picture, vtkCamera* camera) {
    Ellipsoid e;
    e.centre = picture.centre;
    const double floor = kFlatRadius * std::max(picture.lengths.maxCoeff(), 1e-12);
    e.lengths = picture.lengths.cwiseMax(floor);
    camera->GetPosition(e.eye.data());
    camera->GetDirectionOfProjection(e.look.data());
    e.look.normalize();
    e.parallel = camera->GetParallelProjection() != 0;
    return e;
}

// The outline against the camera: the points where the line of sight touches the surface,
// u·m = −1 with m = A⁻¹(c − eye) (or u·A⁻¹·look = 0 in parallel projection), a circle of the
// unit sphere and so an ellipse on the surface. Empty when the eye is inside.
std::vector<Eigen::Vector3d> outline(const Ellipsoid& e) {
    const Eigen::Vector3d m =
        (e.parallel ? e.look : Eigen::Vector3d(e.centre - e.eye)).cwiseQuotient(e.lengths);
    const double reach = e.parallel ? 0 : 1 / m.squaredNorm();
    if (!(m.squaredNorm() > 0) || reach >= 1) return {};
    const Eigen::Vector3d a = m.unitOrthogonal(), b = m.normalized().cross(a);
    const double radius = std::sqrt(1 - reach);
    return ellipsePoints(e.at(-reach * m), radius * e.lengths.cwiseProduct(a),
                         radius * e.lengths.cwiseProduct(b), kSegments);
}

std::string polygon(const PageProjection& project, const std::vector<Eigen::Vector3d>& points) {
    std::string out = "<polygon fill=\"#7aa6ee\" fill-opacity=\"0.16\" stroke=\"none\" points=\"";
    for (const Eigen::Vector3d& point : points) {
        const Eigen::Vector3d at = project(point);
        out += svgNumber(at.x()) + "," + svgNumber(at.y()) + " ";
    }
    return out + "\"/>\n";
}

// The principal ellipse in the plane of axes i and j, as polylines over the runs of its
// segments on the camera's side (`front`) or behind.
std::string principalEllipse(const PageProjection& project, const Ellipsoid& e, int i, int j,
                             bool front) {
    const auto unit = [&](double angle) {
        Eigen::Vector3d u = Eigen::Vector3d::Zero();
        u(i) = std::cos(angle);
        u(j) = std::sin(angle);
        return u;
    };
    std::string out;
    std::vector<Eigen::Vector3d> run;
    for (int k = 0; k < kSegments; ++k) {
        const double from = 2 * M_PI * k / kSegments, to = 2 * M_PI * (k + 1) / kSegments;
        if (e.faces(unit((from + to) / 2)) == front) {
            if (run.empty()) run.push_back(e.at(unit(from)));
            run.push_back(e.at(unit(to)));
            continue;
        }
        if (!run.empty()) out += svgPolyline(project, run, front ? kFrontStyle : kBackStyle);
        run.clear();
    }
    if (!run.empty()) out += svgPolyline(project, run, front ? kFrontStyle : kBackStyle);
    return out;
}

std::string principalEllipses(const PageProjection& project, const Ellipsoid& e,
                              const EllipsoidPicture& picture, bool front) {
    std::string out;
    for (auto [i, j] : {std::pair{0, 1}, std::pair{1, 2}, std::pair{0, 2}})
        if (picture.lengths(i) > 0 && picture.lengths(j) > 0)
            out += principalEllipse(project, e, i, j, front);
    return out;
}

Eigen::Vector3d axisEnd(const EllipsoidPicture& picture, int a, double sign) {
    Eigen::Vector3d end = picture.centre;
    end(a) += sign * kAxisReach * picture.lengths(a);
    return end;
}

std::string axes(const PageProjection& project, const EllipsoidPicture& picture) {
    std::string out;
    for (int a = 0; a < 3; ++a)
        if (picture.lengths(a) > 0)
            out +=
                svgPolyline(project, {axisEnd(picture, a, -1), axisEnd(picture, a, 1)}, kAxisStyle);
    return out;
}

std::string axisLabels(const PageProjection& project, const EllipsoidPicture& picture,
                       const PageRect& area) {
    std::vector<SvgAxisEnd> ends;
    for (int a = 0; a < 3; ++a)
        if (picture.lengths(a) > 0)
            ends.push_back({axisEnd(picture, a, 1), ellipsoidAxisName(picture, a)});
    return svgAxisLabels(project, picture.centre, ends, area, kAxisName);
}

// What the figure must hold: the ellipsoid's outline (its box when the camera is inside it) and
// the axes' ends.
std::vector<Eigen::Vector3d> extentOf(const EllipsoidPicture& picture,
                                      const std::vector<Eigen::Vector3d>& rim) {
    std::vector<Eigen::Vector3d> extent = rim;
    if (rim.empty())
        for (double x : {-1.0, 1.0})
            for (double y : {-1.0, 1.0})
                for (double z : {-1.0, 1.0})
                    extent.push_back(picture.centre +
                                     picture.lengths.cwiseProduct(Eigen::Vector3d(x, y, z)));
    for (int a = 0; a < 3; ++a)
        for (double sign : {-1.04, 1.04}) extent.push_back(axisEnd(picture, a, sign));
    return extent;
}

// The selected tokens among the points, as the view marks them.
std::string selectedSvg(const PageProjection& project, const EllipsoidPicture& picture,
                        const DumpDocument& document) {
    if (!document.selection()) return {};
    const PointRows selected =
        selectedPoints(picture.points, picture.tokens, *document.selection());
    std::string out;
    for (Index row = 0; row < selected.rows(); ++row) {
        const Eigen::Vector3d at = project(selected.row(row).transpose().cast<double>());
        out += "<circle cx=\"" + svgNumber(at.x()) + "\" cy=\"" + svgNumber(at.y()) + "\" r=\"" +
               svgNumber(kSelectedRadius) + "\" fill=\"" + kSelectionColour.name().toStdString() +
               "\" stroke=\"#fff\" stroke-width=\"0.6\"/>\n";
    }
    return out;
}

std::string titleOf(const EllipsoidPicture& picture, const DumpDocument& document,
                    const PointColours& colours) {
    const SiteInfo& site = document.info().sites[picture.request.site];
    std::string colour = colours.title;
    std::replace(colour.begin(), colour.end(), '\n', ' ');
    return figureModelName(document) + ": the γ-ellipsoid at site " + site_label(site) + " (" +
           (picture.kind == NormKind::RmsNorm ? "RMSNorm" : "LayerNorm") +
           ", d = " + std::to_string(picture.d) + ") with " +
           std::to_string(picture.tokens.size()) + " tokens' outputs z + β; colour: " + colour;
}

// The view's caption after its first line (the axes drawn and what γ and β make of the
// ellipsoid), from the page's bottom up; `top` is set to the first line's top.
std::string notes(const QString& summary, int width, int height, double& top) {
    std::vector<std::string> lines;
    for (const QString& paragraph : summary.split('\n').mid(1))
        for (const std::string& line :
             svgFittedLines(paragraph.toStdString(), width - 2 * kMargin, 2, kNote))
            lines.push_back(line);
    const double step = svgLineHeight(kNote);
    double baseline = height - kMargin - step * double(lines.size()) + 0.8 * step;
    top = baseline - 0.8 * step;
    std::string out;
    for (const std::string& line : lines) {
        out += svgText(kMargin, baseline, line, kNote);
        baseline += step;
    }
    return out;
}

}  // namespace

std::string ellipsoidFigureSvg(const EllipsoidView& view, const DumpDocument& document, int width,
                               int height) {
    const EllipsoidPicture& picture = *view.shownPicture();
    const PointColours colours = view.pointColours();
    std::string svg = svgOpening(width, height);
    double baseline = 0;
    svg += svgTitle(titleOf(picture, document, colours), width, kTitle, baseline);
    const SiteInfo& site = document.info().sites[picture.request.site];
    baseline += svgLineHeight(kModule);
    svg += svgText(kMargin, baseline,
                   svgFittedLines("module " + site.module, width - 2 * kMargin, 1, kModule).front(),
                   kModule);
    const double top = baseline + 0.2 * svgLineHeight(kModule) + 6;
    double notesTop = height;
    svg += notes(view.summaryText(), width, height, notesTop);
    const double bottom = notesTop - 6;
    const ColourBarPlace bar = placeColourBar(colours, width, int(bottom + kMargin), top);
    const double right = colours.twoColours ? width - kMargin : bar.left - bar.labelWidth - 6;
    const double label = svgLineHeight(kAxisName);
    const PageRect area{kMargin, top + label, right - kMargin - 3 * label, bottom - top - label};

    vtkRenderer* renderer = view.sceneView()->renderer();
    PageProjection project(renderer, double(width) / height);
    const Ellipsoid seen = ellipsoidSeen(picture, renderer->GetActiveCamera());
    const std::vector<Eigen::Vector3d> rim = outline(seen);
    project.fit(extentOf(picture, rim), area);
    if (!rim.empty()) svg += polygon(project, rim);
    svg += principalEllipses(project, seen, picture, false);
    svg += axes(project, picture);
    Index beyond = 0;
    svg += svgPoints(project, picture.points, colours, area, beyond);
    svg += principalEllipses(project, seen, picture, true);
    if (!rim.empty()) svg += svgPolyline(project, rim, kOutlineStyle);
    svg += selectedSvg(project, picture, document);
    svg += axisLabels(project, picture, {kMargin, top, right - kMargin, bottom - top});
    return svg + svgColourBar(colours, bar) + "</svg>\n";
}

}  // namespace lngeom::widgets
