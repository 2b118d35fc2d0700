#include "widgets/walk_scene.h"

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

#include "widgets/normalization_scene.h"
#include "widgets/vtk_unicode_text.h"

namespace lngeom::widgets {
namespace {

constexpr double kLayerNormColour[3] = {0.95, 0.55, 0.17};
constexpr double kRmsNormColour[3] = {0.25, 0.75, 0.9};
constexpr double kRemovedColour[3] = {0.9, 0.2, 0.2};
const std::vector<const char*> kLayerNormNames{"x", "x⊥", "x⊥/‖x⊥‖", "y", "γ⊙y+β"};
const std::vector<const char*> kRmsNormNames{"x", "x", "x/‖x‖", "r", "γ⊙r"};

// An arrow from `from` to `to` whose shaft is `thickness` wide whatever its length.
vtkSmartPointer<vtkActor> arrow(const Eigen::Vector3d& from, const Eigen::Vector3d& to,
                                const double colour[3], double thickness, double opacity) {
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
    actor->GetProperty()->SetColor(colour[0], colour[1], colour[2]);
    actor->GetProperty()->SetOpacity(opacity);
    actor->GetProperty()->SetAmbient(0.35);
    return actor;
}

vtkSmartPointer<vtkBillboardTextActor3D> label(const Eigen::Vector3d& at, const char* text,
                                               const double colour[3]) {
    auto actor = vtkSmartPointer<vtkBillboardTextActor3D>::New();
    useUnicodeFont(actor->GetTextProperty());
    actor->SetInput(drawableText(text).c_str());
    actor->SetPosition(at.x(), at.y(), at.z());
    actor->GetTextProperty()->SetFontSize(18);
    actor->GetTextProperty()->SetBold(true);
    actor->GetTextProperty()->SetColor(colour[0], colour[1], colour[2]);
    return actor;
}

Eigen::Vector3d inBasis(const BasisAxes& axes, const Eigen::VectorXd& vector) {
    return axes.transpose() * vector;
}

}  // namespace

WalkScene::WalkScene(vtkRenderer* renderer) : renderer_(renderer) {}

WalkScene::~WalkScene() { clear(); }

void WalkScene::show(const NormalizationWalk& walk, const BasisAxes& axes, int step) {
    const double radius = std::sqrt(double(walk.numbers.d));
    if (radius != frameRadius_) {
        clear();
        renderer_->RemoveAllViewProps();
        addNormalizationFrame(renderer_, radius);
        frameNormalizationCamera(renderer_, radius);
        frameRadius_ = radius;
    }
    clear();
    // Labels of the two paths apart vertically: their vectors are often close.
    addPath(walk.layer_norm, axes, step, kLayerNormColour, kLayerNormNames, -0.08);
    addPath(walk.rms_norm, axes, step, kRmsNormColour, kRmsNormNames, 0.08);
    if (step == 1) addRemovedComponent(walk, axes);
    renderer_->ResetCameraClippingRange();
}

void WalkScene::clear() {
    for (const auto& prop : props_) renderer_->RemoveViewProp(prop);
    props_.clear();
}

void WalkScene::add(vtkSmartPointer<vtkProp> prop) {
    renderer_->AddViewProp(prop);
    props_.push_back(std::move(prop));
}

// Earlier stages faint, the current one bold and named at its tip.
void WalkScene::addPath(const std::vector<WalkStage>& path, const BasisAxes& axes, int step,
                        const double colour[3], const std::vector<const char*>& names,
                        double labelLift) {
    const Eigen::Vector3d labelOffset(0.0, 0.0, labelLift * frameRadius_);
    const double thickness = frameRadius_ * 0.012;
    for (int stage = 0; stage <= step && stage < int(path.size()); ++stage) {
        const Eigen::Vector3d tip = inBasis(axes, path[std::size_t(stage)].vector);
        if (!(tip.norm() > 0)) continue;
        const bool current = stage == step;
        add(arrow(Eigen::Vector3d::Zero(), tip, colour, current ? thickness * 1.6 : thickness,
                  current ? 1.0 : 0.3));
        if (current) add(label(tip * 1.04 + labelOffset, names[std::size_t(stage)], colour));
    }
}

// The part along 1 that LayerNorm's first step removes, from x⊥'s tip back up to x's tip.
void WalkScene::addRemovedComponent(const NormalizationWalk& walk, const BasisAxes& axes) {
    const Eigen::Vector3d orthogonal = inBasis(axes, walk.layer_norm[1].vector);
    const Eigen::Vector3d removed = inBasis(axes, walk.layer_norm[1].removed);
    if (!(removed.norm() > 0)) return;
    add(arrow(orthogonal, orthogonal + removed, kRemovedColour, frameRadius_ * 0.01, 1.0));
    add(label(orthogonal + removed * 0.5, "μ·1", kRemovedColour));
}

}  // namespace lngeom::widgets
