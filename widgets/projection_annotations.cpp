#include "widgets/projection_annotations.h"

#include <vtkActor.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkLineSource.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include "widgets/vtk_unicode_text.h"

namespace lngeom::widgets {
namespace {

constexpr double kAxisGrey[3] = {0.78, 0.8, 0.85};

void styleAxis(vtkLineSource* line, vtkActor* axis, vtkBillboardTextActor3D* label) {
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(line->GetOutputPort());
    axis->SetMapper(mapper);
    axis->GetProperty()->SetColor(kAxisGrey[0], kAxisGrey[1], kAxisGrey[2]);
    axis->GetProperty()->SetOpacity(0.7);
    axis->GetProperty()->SetLineWidth(1.5f);
    useUnicodeFont(label->GetTextProperty());
    label->GetTextProperty()->SetFontSize(16);
    label->GetTextProperty()->SetColor(kAxisGrey[0], kAxisGrey[1], kAxisGrey[2]);
}

}  // namespace

ProjectionAnnotations::ProjectionAnnotations() {
    styleAxis(firstLine_, firstAxis_, firstLabel_);
    styleAxis(secondLine_, secondAxis_, secondLabel_);
    vtkTextProperty* text = caption_->GetTextProperty();
    useUnicodeFont(text);
    text->SetFontSize(15);
    text->SetColor(0.92, 0.92, 0.95);
    text->SetVerticalJustificationToTop();
    caption_->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
    caption_->SetPosition(0.015, 0.975);
}

ProjectionAnnotations::~ProjectionAnnotations() = default;

void ProjectionAnnotations::addTo(vtkRenderer* renderer) {
    for (vtkActor* axis : {firstAxis_.Get(), secondAxis_.Get()}) renderer->AddActor(axis);
    for (vtkBillboardTextActor3D* label : {firstLabel_.Get(), secondLabel_.Get()})
        renderer->AddActor(label);
    renderer->AddActor2D(caption_);
}

void ProjectionAnnotations::setAxes(double length, const std::string& first,
                                    const std::string& second) {
    firstLine_->SetPoint1(-length, 0.0, 0.0);
    firstLine_->SetPoint2(length, 0.0, 0.0);
    secondLine_->SetPoint1(0.0, -length, 0.0);
    secondLine_->SetPoint2(0.0, length, 0.0);
    firstLabel_->SetInput(drawableText(first).c_str());
    firstLabel_->SetPosition(length * 1.05, 0.0, 0.0);
    secondLabel_->SetInput(drawableText(second).c_str());
    secondLabel_->SetPosition(0.0, length * 1.05, 0.0);
}

void ProjectionAnnotations::setCaption(const std::string& caption) {
    caption_->SetInput(drawableText(caption).c_str());
}

}  // namespace lngeom::widgets
