#include "widgets/vtk_hosting/labelled_axis.h"

#include <vtkActor.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkLineSource.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTextProperty.h>

#include "widgets/vtk_hosting/vtk_unicode_text.h"

namespace lngeom::widgets {
namespace {

constexpr double kAxisGrey[3] = {0.78, 0.8, 0.85};

}  // namespace

LabelledAxis::LabelledAxis() {
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(line_->GetOutputPort());
    actor_->SetMapper(mapper);
    actor_->GetProperty()->SetColor(kAxisGrey[0], kAxisGrey[1], kAxisGrey[2]);
    actor_->GetProperty()->SetOpacity(0.7);
    actor_->GetProperty()->SetLineWidth(1.5f);
    useUnicodeFont(label_->GetTextProperty());
    label_->GetTextProperty()->SetFontSize(16);
    label_->GetTextProperty()->SetColor(kAxisGrey[0], kAxisGrey[1], kAxisGrey[2]);
}

LabelledAxis::~LabelledAxis() = default;

void LabelledAxis::addTo(vtkRenderer* renderer) {
    renderer->AddActor(actor_);
    renderer->AddActor(label_);
}

void LabelledAxis::set(const double from[3], const double to[3], const std::string& label) {
    line_->SetPoint1(from[0], from[1], from[2]);
    line_->SetPoint2(to[0], to[1], to[2]);
    label_->SetInput(drawableText(label).c_str());
    label_->SetPosition(to[0] + 0.05 * (to[0] - from[0]) / 2, to[1] + 0.05 * (to[1] - from[1]) / 2,
                        to[2] + 0.05 * (to[2] - from[2]) / 2);
}

void LabelledAxis::setVisible(bool visible) {
    actor_->SetVisibility(visible);
    label_->SetVisibility(visible);
}

}  // namespace lngeom::widgets
