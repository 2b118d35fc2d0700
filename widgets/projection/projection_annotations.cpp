#include "widgets/projection/projection_annotations.h"

#include <vtkActor.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkLineSource.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>
#include <vtkWindow.h>

#include <sstream>

#include "widgets/vtk_hosting/vtk_unicode_text.h"

namespace lngeom::widgets {
namespace {

constexpr double kAxisGrey[3] = {0.78, 0.8, 0.85};
// The caption's left margin is 1.5% of the width; the same again is kept free on the right.
constexpr double kCaptionLeft = 0.015;

int textWidth(vtkTextProperty* text, const std::string& line, int dpi) {
    int box[4] = {0, 0, 0, 0};
    vtkTextRenderer::GetInstance()->GetBoundingBox(text, drawableText(line), box, dpi);
    return box[1] - box[0];
}

// Greedy: each word goes on the current line unless that would make it wider than `pixels`;
// a single word wider than `pixels` stays whole on its own line.
std::string wrapLine(vtkTextProperty* text, const std::string& line, int pixels, int dpi) {
    std::istringstream words(line);
    std::string wrapped;
    std::string current;
    for (std::string word; words >> word;) {
        const std::string longer = current.empty() ? word : current + ' ' + word;
        if (current.empty() || textWidth(text, longer, dpi) <= pixels) {
            current = longer;
            continue;
        }
        wrapped += current + '\n';
        current = word;
    }
    return wrapped + current;
}

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
    caption_->SetPosition(kCaptionLeft, 0.975);
    fitter_->SetClientData(this);
    fitter_->SetCallback(&ProjectionAnnotations::fitCaption);
}

ProjectionAnnotations::~ProjectionAnnotations() {
    if (renderer_) renderer_->RemoveObserver(fitter_);
}

void ProjectionAnnotations::addTo(vtkRenderer* renderer) {
    for (vtkActor* axis : {firstAxis_.Get(), secondAxis_.Get()}) renderer->AddActor(axis);
    for (vtkBillboardTextActor3D* label : {firstLabel_.Get(), secondLabel_.Get()})
        renderer->AddActor(label);
    renderer->AddActor2D(caption_);
    if (renderer_) renderer_->RemoveObserver(fitter_);
    renderer_ = renderer;
    renderer->AddObserver(vtkCommand::StartEvent, fitter_);
    wrappedWidth_ = -1;
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
    captionText_ = caption;
    wrappedWidth_ = -1;
    caption_->SetInput(drawableText(caption).c_str());
}

std::string ProjectionAnnotations::wrappedCaption(int pixels, int dpi) const {
    std::istringstream lines(captionText_);
    std::string wrapped;
    for (std::string line; std::getline(lines, line);)
        wrapped += (wrapped.empty() ? "" : "\n") +
                   wrapLine(caption_->GetTextProperty(), line, pixels, dpi);
    return wrapped;
}

void ProjectionAnnotations::fitCaption(vtkObject* caller, unsigned long, void* self, void*) {
    auto* annotations = static_cast<ProjectionAnnotations*>(self);
    auto* renderer = static_cast<vtkRenderer*>(caller);
    const int width = renderer->GetSize()[0];
    if (width <= 0 || width == annotations->wrappedWidth_) return;
    annotations->wrappedWidth_ = width;
    const int pixels = int(width * (1.0 - 2 * kCaptionLeft));
    const int dpi = renderer->GetVTKWindow() ? renderer->GetVTKWindow()->GetDPI() : 72;
    annotations->caption_->SetInput(drawableText(annotations->wrappedCaption(pixels, dpi)).c_str());
}

}  // namespace lngeom::widgets
