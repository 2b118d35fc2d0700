#include "widgets/figures/step_figure_svg.h"

#include <QColor>

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>

#include "core/charts/site_labels.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_description.h"
#include "widgets/figures/figure_captions.h"
#include "widgets/figures/label_placement.h"
#include "widgets/figures/page_projection.h"
#include "widgets/figures/scene_svg_shapes.h"
#include "widgets/figures/svg_text.h"
#include "widgets/figures/text_column.h"
#include "widgets/step_through/step_through_panel.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::widgets {
namespace {

constexpr double kMargin = kSceneFigureMargin;
constexpr double kAxisLength = 1.3;  // × √d
// A vector drawn at true scale is between these multiples of √d long; others are scaled.
constexpr double kShortest = 0.3;
constexpr double kLongest = 1.6;
constexpr SvgTextStyle kTitle{.points = 12, .bold = true};
constexpr SvgTextStyle kModule{.points = 9, .colour = "#444"};
constexpr SvgTextStyle kLabel{.points = 10, .bold = true};
const QColor kRmsNormColour(30, 130, 190);
const QColor kRemovedColour(210, 30, 30);

// The tokens' colours are chosen for the app's dark scene: darker on paper.
QColor onPaper(const QColor& colour) {
    if (colour.hsvSaturationF() < 0.15f) return QColor(90, 90, 90);
    return QColor::fromHsvF(colour.hsvHueF(), std::max(colour.hsvSaturationF(), 0.6f),
                            std::min(colour.valueF(), 0.78f));
}

// 1, 2, 5, 10, 20, 50, ... : the factor of a scaled vector.
double roundFactor(double atLeast) {
    for (double power = 1;; power *= 10)
        for (double step : {1.0, 2.0, 5.0})
            if (step * power >= atLeast) return step * power;
}

// What a vector `norm` long is multiplied by in the picture so that it is visibly long and
// stays inside: 1 within [kShortest, kLongest]·√d, else a round fraction or multiple.
double drawnScale(double norm, double radius) {
    if (!(norm > 0) || (norm >= kShortest * radius && norm <= kLongest * radius)) return 1;
    if (norm > kLongest * radius) return 1 / roundFactor(norm / (kLongest * radius));
    return roundFactor(kShortest * radius / norm);
}

std::string factorText(double scale) {
    if (scale == 1) return {};
    const auto whole = [](double value) { return std::to_string(std::lround(value)); };
    return scale < 1 ? " ×1/" + whole(1 / scale) : " ×" + whole(scale);
}

struct Arrow {
    Eigen::Vector3d from, to;
    QColor colour;
    double width;
    double opacity;
    bool dashed;
};

struct TipLabel {
    Eigen::Vector3d at;
    std::string text;
    QColor colour;
};

struct Scene {
    std::vector<Arrow> arrows;
    std::vector<TipLabel> labels;
    std::vector<std::string> scaledNames;  // "x ×1/20", for the note
};

// One token's two paths up to `step`; stages 0 and 1 (x and x⊥) share x's scale, so that the
// removed component joins their tips.
void addToken(Scene& scene, const WalkedToken& token, const BasisAxes& axes, int step, bool single,
              double radius) {
    const NormalizationWalk& walk = *token.walk;
    const QColor colour = onPaper(token.colour);
    const auto scaleOf = [&](int stage) {
        const int at = stage <= 1 ? 0 : stage;
        return drawnScale(
            std::max(walk.layer_norm[std::size_t(at)].norm, walk.rms_norm[std::size_t(at)].norm),
            radius);
    };
    for (const bool layerNorm : {true, false}) {
        const auto& path = layerNorm ? walk.layer_norm : walk.rms_norm;
        const QColor pathColour = layerNorm || !single ? colour : kRmsNormColour;
        for (int stage = 0; stage <= step; ++stage) {
            const double scale = scaleOf(stage);
            const Eigen::Vector3d tip =
                scale * walk_placement(axes, path[std::size_t(stage)].vector);
            const bool current = stage == step;
            scene.arrows.push_back({Eigen::Vector3d::Zero(), tip, pathColour, current ? 2.0 : 1.2,
                                    current ? 1.0 : 0.35, !layerNorm && !single});
            if (!current || (!single && !layerNorm)) continue;
            const std::string name =
                single ? walkStageName(layerNorm, stage) : "#" + std::to_string(token.token);
            scene.labels.push_back({tip, name + factorText(scale), pathColour});
            if (scale != 1 && (single || layerNorm))
                scene.scaledNames.push_back(name + factorText(scale));
        }
    }
    if (step != 1) return;
    const double scale = scaleOf(1);
    const Eigen::Vector3d from = scale * walk_placement(axes, walk.layer_norm[1].vector);
    const Eigen::Vector3d to = scale * walk_placement(axes, walk.layer_norm[0].vector);
    scene.arrows.push_back({from, to, kRemovedColour, 1.6, 1.0, false});
    if (single)
        scene.labels.push_back({0.5 * (from + to), "μ·1" + factorText(scale), kRemovedColour});
}

Scene sceneOf(const StepThroughPanel& panel, double radius) {
    Scene scene;
    const bool single = panel.walked().size() == 1;
    for (const WalkedToken& token : panel.walked())
        if (token.walk) addToken(scene, token, panel.axes(), panel.step(), single, radius);
    return scene;
}

// The √d sphere's outline as seen, the equator where the hyperplane ⊥ 1 cuts it, and 1's axis.
std::string frame(const PageProjection& project, double radius) {
    const Eigen::Vector3d u = project.viewDirection().unitOrthogonal();
    const Eigen::Vector3d v = project.viewDirection().cross(u);
    const Eigen::Vector3d centre = Eigen::Vector3d::Zero();
    std::string out = svgPolyline(project, ellipsePoints(centre, radius * u, radius * v, 96),
                                  "stroke=\"#777\" stroke-width=\"0.8\"");
    out += svgPolyline(project,
                       ellipsePoints(centre, radius * Eigen::Vector3d::UnitX(),
                                     radius * Eigen::Vector3d::UnitY(), 96),
                       "stroke=\"#999\" stroke-width=\"0.6\" stroke-dasharray=\"3,2\"");
    const double axis = kAxisLength * radius;
    out +=
        svgPolyline(project, {{0, 0, -axis}, {0, 0, axis}}, "stroke=\"#000\" stroke-width=\"0.8\"");
    return out;
}

std::string arrowSvg(const PageProjection& project, const Arrow& arrow) {
    const Eigen::Vector3d from = project(arrow.from), to = project(arrow.to);
    const Eigen::Vector2d along = (to - from).head<2>();
    const double length = along.norm();
    if (!(length > 0.5)) return {};
    const Eigen::Vector2d direction = along / length, normal(-direction.y(), direction.x());
    const double head = std::min(3.5 * arrow.width + 3, 0.45 * length);
    const Eigen::Vector2d tip = to.head<2>(), base = tip - head * direction;
    const std::string colour = arrow.colour.name().toStdString();
    const std::string opacity =
        arrow.opacity < 1 ? " opacity=\"" + svgNumber(arrow.opacity) + "\"" : "";
    std::string out = "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" +
                      svgNumber(arrow.width) + "\"" + opacity +
                      (arrow.dashed ? " stroke-dasharray=\"4,2\"" : "") + " points=\"" +
                      svgNumber(from.x()) + "," + svgNumber(from.y()) + " " + svgNumber(base.x()) +
                      "," + svgNumber(base.y()) + "\"/>\n";
    const Eigen::Vector2d left = base + 0.4 * head * normal, right = base - 0.4 * head * normal;
    return out + "<polygon fill=\"" + colour + "\"" + opacity + " points=\"" + svgNumber(tip.x()) +
           "," + svgNumber(tip.y()) + " " + svgNumber(left.x()) + "," + svgNumber(left.y()) + " " +
           svgNumber(right.x()) + "," + svgNumber(right.y()) + "\"/>\n";
}

// Every tip, the sphere and the 1 axis with room for its label.
std::vector<Eigen::Vector3d> extentOf(const Scene& scene, double radius) {
    std::vector<Eigen::Vector3d> extent;
    const double axis = kAxisLength * radius;
    for (double x : {-1.0, 1.0})
        for (double y : {-1.0, 1.0})
            for (double z : {-1.0, 1.0}) extent.push_back(radius * Eigen::Vector3d(x, y, z));
    extent.push_back({0, 0, axis});
    extent.push_back({0, 0, -axis});
    for (const Arrow& arrow : scene.arrows) extent.push_back(arrow.to);
    return extent;
}

std::string labelsSvg(const PageProjection& project, const Scene& scene, const PageRect& area,
                      double radius) {
    LabelPlacer placer(area);
    const double ascent = 0.75 * kLabel.points, descent = 0.25 * kLabel.points;
    std::vector<TipLabel> labels = scene.labels;
    labels.push_back({{0, 0, kAxisLength * radius}, "1 (û)", QColor(Qt::black)});
    const Eigen::Vector2d origin = project(Eigen::Vector3d::Zero()).head<2>();
    std::string out;
    for (const TipLabel& label : labels) {
        const Eigen::Vector2d at = project(label.at).head<2>();
        const Eigen::Vector2d baseline = placer.place(at, svgTextWidth(label.text, kLabel), ascent,
                                                      descent, directionFrom(origin, at));
        const std::string colour = label.colour.name().toStdString();
        SvgTextStyle style = kLabel;
        style.colour = colour.c_str();
        out += svgText(baseline.x(), baseline.y(), label.text, style);
    }
    return out;
}

std::string sceneSvg(const StepThroughPanel& panel, const PageRect& area, double aspect) {
    const WalkedToken* first = nullptr;
    for (const WalkedToken& token : panel.walked())
        if (token.walk && !first) first = &token;
    if (!first) return {};
    const double radius = std::sqrt(double(first->walk->numbers.d));
    const Scene scene = sceneOf(panel, radius);
    PageProjection project(panel.sceneView()->renderer(), aspect);
    const double room = 2.2 * kLabel.points;  // for the labels around the tips
    project.fit(extentOf(scene, radius), area, room);
    std::string out = frame(project, radius);
    for (const Arrow& arrow : scene.arrows)
        if (arrow.opacity < 1) out += arrowSvg(project, arrow);
    for (const Arrow& arrow : scene.arrows)
        if (arrow.opacity >= 1) out += arrowSvg(project, arrow);
    return out + labelsSvg(project, scene, area, radius);
}

}  // namespace

namespace {

std::string number(double value) { return walkNumber(value).toStdString(); }

std::string stageLine(const char* path, const WalkStage& stage, const char* name) {
    return std::string(path) + " " + name + ": ‖·‖ = " + number(stage.norm) +
           ", ∠1 = " + number(stage.angle_to_uniform_deg) + "°";
}

void addStepText(TextColumn& column, const NormalizationWalk& walk, int step) {
    const std::string of =
        ", step " + std::to_string(step) + " of " + std::to_string(kWalkStageCount - 1) + ": ";
    const WalkStage& layerNorm = walk.layer_norm[std::size_t(step)];
    const WalkStage& rmsNorm = walk.rms_norm[std::size_t(step)];
    column.add("LayerNorm" + of + layerNorm.title, TextColumn::Kind::Heading);
    column.add(layerNorm.formula, TextColumn::Kind::Formula);
    column.space(0.3);
    column.add("RMSNorm" + of + rmsNorm.title, TextColumn::Kind::Heading);
    column.add(rmsNorm.formula, TextColumn::Kind::Formula);
    column.space(0.3);
    column.add("d = " + std::to_string(walk.numbers.d) + " · ε = " + number(walk.numbers.eps) +
                   " · c = x·û · ‖x⊥‖ = √d·σ · θ = angle of x to 1 · ∠1 = a vector's angle to 1",
               TextColumn::Kind::Note);
}

void addToken(TextColumn& column, const WalkedToken& token, const DumpDocument& document,
              int step) {
    column.space(0.6);
    column.startGroup();
    const std::string identity =
        token.token >= 0 ? tokenIdentity(document, token.token).toStdString() : "x";
    column.add(identity, TextColumn::Kind::Heading, onPaper(token.colour).name().toStdString());
    if (!token.walk) {
        column.add(token.failure.toStdString(), TextColumn::Kind::Body);
        return;
    }
    const WalkNumbers& n = token.walk->numbers;
    column.add("c = " + number(n.uniform_component) + " · ‖x⊥‖ = " + number(n.orthogonal_norm) +
                   " · σ = " + number(n.sigma) + " · θ = " + number(n.angle_to_uniform_deg) + "°",
               TextColumn::Kind::Body);
    const WalkStage& layerNorm = token.walk->layer_norm[std::size_t(step)];
    const bool removed = layerNorm.removed.size() > 0 && layerNorm.removed.norm() > 0;
    column.add(stageLine("LayerNorm", layerNorm, walkStageName(true, step)) +
                   (removed ? " (removed μ·1, |c| long)" : ""),
               TextColumn::Kind::Body);
    column.add(
        stageLine("RMSNorm", token.walk->rms_norm[std::size_t(step)], walkStageName(false, step)),
        TextColumn::Kind::Body);
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
    return out;
}

std::string textSvg(const StepThroughPanel& panel, const DumpDocument& document,
                    const PageRect& area, double radius) {
    TextColumn column;
    const int step = panel.step();
    for (const WalkedToken& token : panel.walked())
        if (token.walk) {
            addStepText(column, *token.walk, step);
            break;
        }
    for (const WalkedToken& token : panel.walked()) addToken(column, token, document, step);
    column.endGroup();
    const Scene scene = sceneOf(panel, radius);
    if (!scene.scaledNames.empty()) {
        column.space(0.6);
        column.add("Scaled to be seen beside the √d sphere: " + joined(scene.scaledNames) +
                       " (×1/k: drawn at 1/k of its length); the sphere and every other vector "
                       "at true length.",
                   TextColumn::Kind::Note);
    }
    column.space(0.3);
    column.add(
        "Norms and angles to 1 are drawn exactly; directions within the hyperplane ⊥ 1 "
        "are projected onto the two drawn axes.",
        TextColumn::Kind::Note);
    return column.svg(area, "token");
}

std::string titleOf(const StepThroughPanel& panel, const DumpDocument& document) {
    const SiteInfo& site = document.info().sites[std::size_t(document.currentSite())];
    return figureModelName(document) + ": LayerNorm and RMSNorm, step " +
           std::to_string(panel.step()) + " of " + std::to_string(kWalkStageCount - 1) +
           ", at site " + site_label(site);
}

}  // namespace

std::string stepFigureSvg(StepThroughPanel& panel, const DumpDocument& document, int width,
                          int height) {
    std::string svg = svgOpening(width, height);
    double baseline = 0;
    svg += svgTitle(titleOf(panel, document), width, kTitle, baseline);
    // The site's module path on a line of its own, shortened in the middle when long.
    const SiteInfo& site = document.info().sites[std::size_t(document.currentSite())];
    const std::string module =
        svgFittedLines("module " + site.module, width - 2 * kMargin, 1, kModule).front();
    baseline += svgLineHeight(kModule);
    svg += svgText(kMargin, baseline, module, kModule);
    const double top = baseline + 0.2 * svgLineHeight(kModule) + 6;
    const double below = height - kMargin - top;
    const bool beside = width >= 1.15 * height;
    const double sceneWidth = beside ? std::min(below * 1.1, 0.56 * width) : width - 2 * kMargin;
    const double sceneHeight = beside ? below : 0.55 * below;
    const PageRect scene{kMargin, top, sceneWidth, sceneHeight};
    const PageRect text = beside ? PageRect{kMargin + sceneWidth + 12, top,
                                            width - 2 * kMargin - sceneWidth - 12, below}
                                 : PageRect{kMargin, top + sceneHeight + 8, width - 2 * kMargin,
                                            below - sceneHeight - 8};
    double radius = 1;
    for (const WalkedToken& token : panel.walked())
        if (token.walk) radius = std::sqrt(double(token.walk->numbers.d));
    svg += sceneSvg(panel, scene, sceneWidth / sceneHeight);
    svg += textSvg(panel, document, text, radius);
    return svg + "</svg>\n";
}

}  // namespace lngeom::widgets
