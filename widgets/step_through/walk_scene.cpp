#include "widgets/step_through/walk_scene.h"

#include <vtkActor.h>
#include <vtkArrowSource.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkMatrix4x4.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTextProperty.h>

#include <Eigen/Geometry>
#include <cmath>

#include "widgets/step_through/normalization_scene.h"
#include "widgets/vtk_hosting/vtk_unicode_text.h"

namespace lngeom::widgets {
namespace {

const QColor kRmsNormColour = QColor::fromRgbF(0.25f, 0.75f, 0.9f);
const QColor kRemovedColour = QColor::fromRgbF(0.9f, 0.2f, 0.2f);

// An arrow from `from` to `to` whose shaft is `thickness` wide whatever its length.
vtkSmartPointer<vtkActor> arrow(const Eigen::Vector3d& from, const Eigen::Vector3d& to,
                                const QColor& colour, double thickness, double opacity) {
    const Eigen::Vector3d along = to - from;
    const double length = along.norm();
    vtkNew<vtkArrowSource> source;
    source->SetShaftResolution(16);
    source->SetTipResolution(16);
    source->SetShaftRadius(thickness / length);
    source->SetTipRadius(2.5 * thickness / length);
    source->SetTipLength(std::min(0.35, 7.0 * thickness / length));
    const Eigen::Vector3d x = along / length;
    const Eigen::Vector3d helper =
        std::abs(x.z()) < 0.9 ? Eigen::Vector3d::UnitZ() : Eigen::Vector3d::UnitX();
    const Eigen::Vector3d y = helper.cross(x).normalized(), z = x.cross(y);
    vtkNew<vtkMatrix4x4> placement;
    for (int row = 0; row < 3; ++row) {
        placement->SetElement(row, 0, x(row) * length);
        placement->SetElement(row, 1, y(row) * length);
        placement->SetElement(row, 2, z(row) * length);
        placement->SetElement(row, 3, from(row));
    }
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(source->GetOutputPort());
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    actor->SetUserMatrix(placement);
    actor->GetProperty()->SetColor(colour.redF(), colour.greenF(), colour.blueF());
    actor->GetProperty()->SetOpacity(opacity);
    actor->GetProperty()->SetAmbient(0.35);
    return actor;
}

// Pixels between a tip and its label.
constexpr int kLabelGap = 8;

vtkSmartPointer<vtkBillboardTextActor3D> label(const Eigen::Vector3d& at, const std::string& text,
                                               const QColor& colour) {
    auto actor = vtkSmartPointer<vtkBillboardTextActor3D>::New();
    vtkTextProperty* property = actor->GetTextProperty();
    property->SetFontSize(18);
    property->SetBold(true);
    property->SetColor(colour.redF(), colour.greenF(), colour.blueF());
    useUnicodeFont(property);
    actor->SetInput(drawableText(text).c_str());
    actor->SetPosition(at.x(), at.y(), at.z());
    return actor;
}

// Several tokens' RMSNorm paths: their token's colour, paler.
QColor paleTint(const QColor& colour) {
    return QColor::fromRgbF(0.55f + 0.45f * colour.redF(), 0.55f + 0.45f * colour.greenF(),
                            0.55f + 0.45f * colour.blueF());
}

}  // namespace

WalkScene::WalkScene(vtkRenderer* renderer) : renderer_(renderer) {}

WalkScene::~WalkScene() { clear(); }

void WalkScene::show(const std::vector<WalkedToken>& tokens, const BasisAxes& axes, int step) {
    clear();
    const bool single = tokens.size() == 1;
    for (const WalkedToken& token : tokens) {
        if (!token.walk) continue;
        showFrame(std::sqrt(double(token.walk->numbers.d)));
        const double thickness = frameRadius_ * (single ? 0.012 : 0.009);
        // A single token's paths are named stage by stage; several tokens' by their number.
        const std::string name = single ? std::string() : std::to_string(token.token);
        const bool named = single || token.token >= 0;
        addPath(token.walk->layer_norm, axes, step,
                {token.colour, thickness, true, name, named, LabelSide::LeftAbove});
        addPath(token.walk->rms_norm, axes, step,
                {single ? kRmsNormColour : paleTint(token.colour),
                 single ? thickness : 0.6 * thickness, false, "", single, LabelSide::RightBelow});
        if (step == 1) addRemovedComponent(*token.walk, axes, single);
        if (token.token < 0) addCoordinateAxes(axes);
    }
    renderer_->ResetCameraClippingRange();
}

void WalkScene::showFrame(double radius) {
    if (radius == frameRadius_) return;
    clear();
    renderer_->RemoveAllViewProps();
    addNormalizationFrame(renderer_, radius);
    frameNormalizationCamera(renderer_, radius);
    frameRadius_ = radius;
}

void WalkScene::clear() {
    for (const auto& prop : props_) renderer_->RemoveViewProp(prop);
    props_.clear();
}

void WalkScene::add(vtkSmartPointer<vtkProp> prop) {
    renderer_->AddViewProp(prop);
    props_.push_back(std::move(prop));
}

// A label beside its point on screen, on `side`, whatever the camera does.
void WalkScene::addLabel(const Eigen::Vector3d& at, const std::string& text, const QColor& colour,
                         LabelSide side) {
    auto actor = label(at, text, colour);
    vtkTextProperty* property = actor->GetTextProperty();
    if (side == LabelSide::LeftAbove) {
        property->SetJustificationToRight();
        property->SetVerticalJustificationToBottom();
        actor->SetDisplayOffset(-kLabelGap, kLabelGap / 2);
    } else {
        property->SetJustificationToLeft();
        property->SetVerticalJustificationToTop();
        actor->SetDisplayOffset(kLabelGap, -kLabelGap / 2);
        if (side == LabelSide::RightAbove) {
            property->SetVerticalJustificationToBottom();
            actor->SetDisplayOffset(2 * kLabelGap, 2 * kLabelGap);
        }
    }
    add(actor);
}

// Earlier stages faint, the current one bold and named at its tip.
void WalkScene::addPath(const std::vector<WalkStage>& path, const BasisAxes& axes, int step,
                        const PathStyle& style) {
    for (int stage = 0; stage <= step && stage < int(path.size()); ++stage) {
        const Eigen::Vector3d tip = walk_placement(axes, path[std::size_t(stage)].vector);
        if (!(tip.norm() > 0)) continue;
        const bool current = stage == step;
        add(arrow(Eigen::Vector3d::Zero(), tip, style.colour,
                  current ? style.thickness * 1.6 : style.thickness, current ? 1.0 : 0.3));
        if (current && style.labelled)
            addLabel(tip, style.name.empty() ? walkStageName(style.layerNorm, stage) : style.name,
                     style.colour, style.side);
    }
}

// R³'s own axes for the teaching vector, so its coordinates can be read off the picture.
void WalkScene::addCoordinateAxes(const BasisAxes& axes) {
    const QColor grey = QColor::fromRgbF(0.75f, 0.75f, 0.78f);
    const char* names[3] = {"x₁", "x₂", "x₃"};
    for (int i = 0; i < 3; ++i) {
        const Eigen::Vector3d tip =
            walk_placement(axes, Eigen::Vector3d::Unit(i)) * frameRadius_ * 1.25;
        add(arrow(Eigen::Vector3d::Zero(), tip, grey, frameRadius_ * 0.005, 0.8));
        addLabel(tip, names[i], grey, LabelSide::RightBelow);
    }
}

// The part along 1 that LayerNorm's first step removes, from x⊥'s tip back up to x's tip.
void WalkScene::addRemovedComponent(const NormalizationWalk& walk, const BasisAxes& axes,
                                    bool named) {
    const Eigen::Vector3d orthogonal = walk_placement(axes, walk.layer_norm[1].vector);
    const Eigen::Vector3d removed = walk_placement(axes, walk.layer_norm[0].vector) - orthogonal;
    if (!(removed.norm() > 0)) return;
    add(arrow(orthogonal, orthogonal + removed, kRemovedColour, frameRadius_ * 0.01, 1.0));
    if (named) addLabel(orthogonal + removed * 0.5, "μ·1", kRemovedColour, LabelSide::RightAbove);
}

}  // namespace lngeom::widgets
