#pragma once
// The step-through as a figure drawn from its geometry: the walked tokens' LayerNorm and RMSNorm
// vectors up to the step, through the view's camera, with the √d sphere, its equator and the 1
// axis; each tip labelled where no other label is. A vector too long or too short to share the
// picture with the sphere at true scale is drawn at a round fraction or multiple of its length,
// which its label and a note say. Beside the picture: the step's name and formula for both
// norms, and for each token its text, index and position, its numbers (c, ‖x⊥‖, σ, θ) and both
// paths' norms and angles to 1 at that step.

#include <string>

namespace lngeom::widgets {

class DumpDocument;
class StepThroughPanel;

// The SVG of what `panel` shows (its tokens, step, basis and camera), `width` × `height` points.
std::string stepFigureSvg(StepThroughPanel& panel, const DumpDocument& document, int width,
                          int height);

}  // namespace lngeom::widgets
