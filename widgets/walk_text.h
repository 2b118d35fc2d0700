#pragma once
// The words and numbers of one step of a normalization walk: the token's numbers (c, ‖x‖,
// ‖x⊥‖, σ, rms, θ, ε) and, for LayerNorm and RMSNorm side by side, what the step does, its
// formula and the resulting vector's norm and angle to 1. Rich text for a QLabel.

#include <QString>

#include "core/normalization_walk.h"

namespace lngeom::widgets {

// A number as the step-through shows it (5 significant digits).
QString walkNumber(double value);
// The step's text as HTML; `outside` is how far γ⊙r lies outside the drawn 3-space.
QString walkStepHtml(const NormalizationWalk& walk, int step, double outside);

}  // namespace lngeom::widgets
