#include "widgets/vtk_hosting/scene_caption.h"

#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>
#include <vtkWindow.h>

#include <algorithm>
#include <sstream>

#include "core/charts/text_fitting.h"
#include "widgets/vtk_hosting/vtk_unicode_text.h"

namespace lngeom::widgets {
namespace {

// The caption's left margin is 1.5% of the width; the same again is kept free on the right.
constexpr double kCaptionLeft = 0.015;
constexpr double kCaptionTop = 0.975;
constexpr int kLinesPerCaptionLine = 2;
// The caption takes at most this share of the height; a colour bar keeps the rest below it.
constexpr double kMostCaptionHeight = 0.45;
constexpr double kColourBarBottom = 0.12;
constexpr double kColourBarGap = 0.03;

// The box `text` (one or more lines) takes in `property`'s font at `dpi`, in pixels.
void textBox(vtkTextProperty* property, const std::string& text, int dpi, int box[4]) {
    vtkTextRenderer::GetInstance()->GetBoundingBox(property, drawableText(text), box, dpi);
}

int textHeight(vtkTextProperty* property, const std::string& text, int dpi) {
    int box[4] = {0, 0, 0, 0};
    textBox(property, text, dpi, box);
    return box[3] - box[2] + 1;
}

}  // namespace

SceneCaption::SceneCaption() {
    vtkTextProperty* text = actor_->GetTextProperty();
    useUnicodeFont(text);
    text->SetFontSize(15);
    text->SetColor(0.92, 0.92, 0.95);
    text->SetVerticalJustificationToTop();
    actor_->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
    actor_->SetPosition(kCaptionLeft, kCaptionTop);
    fitter_->SetClientData(this);
    fitter_->SetCallback(&SceneCaption::fit);
}

SceneCaption::~SceneCaption() {
    if (renderer_) renderer_->RemoveObserver(fitter_);
}

void SceneCaption::addTo(vtkRenderer* renderer) {
    renderer->AddActor2D(actor_);
    if (renderer_) renderer_->RemoveObserver(fitter_);
    renderer_ = renderer;
    renderer->AddObserver(vtkCommand::StartEvent, fitter_);
    fittedWidth_ = -1;
}

void SceneCaption::setText(const std::string& text) {
    text_ = text;
    fittedWidth_ = -1;
    actor_->SetInput(drawableText(text).c_str());
}

void SceneCaption::keepAbove(vtkScalarBarActor* bar) {
    colourBar_ = bar;
    fittedWidth_ = -1;
}

std::string SceneCaption::fitted(int pixels, int height, int dpi) const {
    vtkTextProperty* property = actor_->GetTextProperty();
    const TextWidth width = [property, dpi](std::string_view text) {
        int box[4] = {0, 0, 0, 0};
        textBox(property, std::string(text), dpi, box);
        return double(box[1] - box[0] + 1);
    };
    std::istringstream lines(text_);
    std::string fitted;
    for (std::string line; std::getline(lines, line);) {
        const std::string longer = (fitted.empty() ? "" : fitted + '\n') +
                                   fit_text_joined(line, pixels, kLinesPerCaptionLine, width);
        if (!fitted.empty() && textHeight(property, longer, dpi) > height) break;
        fitted = longer;
    }
    return fitted;
}

// The bar (with its title, which VTK lays out inside the bar's frame) ends a gap below the
// caption's last line.
void SceneCaption::placeColourBar(int height, int dpi) {
    if (!colourBar_) return;
    const double caption =
        double(textHeight(actor_->GetTextProperty(), actor_->GetInput(), dpi)) / height;
    const double top = kCaptionTop - caption - kColourBarGap;
    colourBar_->SetPosition(colourBar_->GetPosition()[0], kColourBarBottom);
    colourBar_->SetHeight(std::max(0.15, top - kColourBarBottom));
}

void SceneCaption::fit(vtkObject* caller, unsigned long, void* self, void*) {
    auto* caption = static_cast<SceneCaption*>(self);
    auto* renderer = static_cast<vtkRenderer*>(caller);
    const int width = renderer->GetSize()[0];
    const int height = renderer->GetSize()[1];
    if (width <= 0 || height <= 0 ||
        (width == caption->fittedWidth_ && height == caption->fittedHeight_))
        return;
    caption->fittedWidth_ = width;
    caption->fittedHeight_ = height;
    const int pixels = int(width * (1.0 - 2 * kCaptionLeft));
    const int dpi = renderer->GetVTKWindow() ? renderer->GetVTKWindow()->GetDPI() : 72;
    const std::string text = caption->fitted(pixels, int(height * kMostCaptionHeight), dpi);
    caption->actor_->SetInput(drawableText(text).c_str());
    caption->placeColourBar(height, dpi);
}

}  // namespace lngeom::widgets
