#include "widgets/vtk_hosting/scene_caption.h"

#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkRenderer.h>
#include <vtkStdString.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>
#include <vtkWindow.h>

#include <sstream>

#include "widgets/vtk_hosting/vtk_unicode_text.h"

namespace lngeom::widgets {
namespace {

// The caption's left margin is 1.5% of the width; the same again is kept free on the right.
constexpr double kCaptionLeft = 0.015;

int textWidth(vtkTextProperty* text, const std::string& line, int dpi) {
    int box[4] = {0, 0, 0, 0};
    vtkTextRenderer::GetInstance()->GetBoundingBox(text, drawableText(line), box, dpi);
    return box[1] - box[0];
}

// A word wider than `pixels` (a module path of 130 characters) is broken after its dots, each
// line taking as many pieces as fit; a piece wider still stays whole.
std::string breakLongWord(vtkTextProperty* text, const std::string& word, int pixels, int dpi) {
    if (textWidth(text, word, dpi) <= pixels) return word;
    std::string broken, current;
    for (std::size_t start = 0; start < word.size();) {
        const std::size_t dot = word.find('.', start);
        const std::size_t end = dot == std::string::npos ? word.size() : dot + 1;
        const std::string piece = word.substr(start, end - start);
        if (!current.empty() && textWidth(text, current + piece, dpi) > pixels) {
            broken += current + '\n';
            current.clear();
        }
        current += piece;
        start = end;
    }
    return broken + current;
}

// Greedy: each word goes on the current line unless that would make it wider than `pixels`;
// a single word wider than `pixels` is broken after its dots.
std::string wrapLine(vtkTextProperty* text, const std::string& line, int pixels, int dpi) {
    std::istringstream words(line);
    std::string wrapped;
    std::string current;
    const auto flush = [&] {
        if (current.empty()) return;
        wrapped += (wrapped.empty() ? "" : "\n") + breakLongWord(text, current, pixels, dpi);
        current.clear();
    };
    for (std::string word; words >> word;) {
        const std::string longer = current.empty() ? word : current + ' ' + word;
        if (current.empty() || textWidth(text, longer, dpi) <= pixels) {
            current = longer;
            continue;
        }
        flush();
        current = word;
    }
    flush();
    return wrapped;
}

}  // namespace

SceneCaption::SceneCaption() {
    vtkTextProperty* text = actor_->GetTextProperty();
    useUnicodeFont(text);
    text->SetFontSize(15);
    text->SetColor(0.92, 0.92, 0.95);
    text->SetVerticalJustificationToTop();
    actor_->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
    actor_->SetPosition(kCaptionLeft, 0.975);
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
    wrappedWidth_ = -1;
}

void SceneCaption::setText(const std::string& text) {
    text_ = text;
    wrappedWidth_ = -1;
    actor_->SetInput(drawableText(text).c_str());
}

std::string SceneCaption::wrapped(int pixels, int dpi) const {
    std::istringstream lines(text_);
    std::string wrapped;
    for (std::string line; std::getline(lines, line);)
        wrapped +=
            (wrapped.empty() ? "" : "\n") + wrapLine(actor_->GetTextProperty(), line, pixels, dpi);
    return wrapped;
}

void SceneCaption::fit(vtkObject* caller, unsigned long, void* self, void*) {
    auto* caption = static_cast<SceneCaption*>(self);
    auto* renderer = static_cast<vtkRenderer*>(caller);
    const int width = renderer->GetSize()[0];
    if (width <= 0 || width == caption->wrappedWidth_) return;
    caption->wrappedWidth_ = width;
    const int pixels = int(width * (1.0 - 2 * kCaptionLeft));
    const int dpi = renderer->GetVTKWindow() ? renderer->GetVTKWindow()->GetDPI() : 72;
    caption->actor_->SetInput(drawableText(caption->wrapped(pixels, dpi)).c_str());
}

}  // namespace lngeom::widgets
