#pragma once
// The words and numbers of one step of the step-through: what the step does and its formula, for
// LayerNorm and RMSNorm side by side, then a line per walked token with its numbers (c, ‖x⊥‖, σ,
// θ) and the norm and angle to 1 of its vectors at that step. Rich text for a QLabel.

#include <QColor>
#include <QString>

#include <memory>
#include <vector>

#include "core/geometry/normalization_walk.h"

namespace lngeom::widgets {

// One token of the step-through: its walk, or why it has none.
struct WalkedToken {
    Index token = -1;  // -1: the d = 3 teaching vector
    QString name;      // "token 37 “ the”", or "x" in the teaching mode
    QColor colour;     // its LayerNorm path's colour in the picture
    std::shared_ptr<const NormalizationWalk> walk;  // null when it cannot be walked
    QString failure;                                // why not
};

// The vector a path has after `stage`, as the picture names it: LayerNorm's x, x⊥, x⊥/‖x⊥‖, y,
// γ⊙y+β; RMSNorm's x, x, x/‖x‖, r, γ⊙r.
const char* walkStageName(bool layerNorm, int stage);

// A number as the step-through shows it (5 significant digits).
QString walkNumber(double value);
// The step's text as HTML. `outsideShare` is the largest share of a drawn vector's length that
// lies outside the drawn 3-space (0 when the picture is exact).
QString walkStepHtml(const std::vector<WalkedToken>& tokens, int step, double outsideShare);

}  // namespace lngeom::widgets
