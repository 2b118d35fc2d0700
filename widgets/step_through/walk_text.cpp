#include "widgets/step_through/walk_text.h"

#include <algorithm>
#include <cmath>

namespace lngeom::widgets {
namespace {

constexpr const char* kLayerNormNames[kWalkStageCount] = {"x", "x⊥", "x⊥/‖x⊥‖", "y", "γ⊙y+β"};
constexpr const char* kRmsNormNames[kWalkStageCount] = {"x", "x", "x/‖x‖", "r", "γ⊙r"};

QString formulaHtml(const QString& path, const WalkStage& stage, int step) {
    return QStringLiteral("<b>%1, step %2 of %3:</b> %4<br><span style='font-size:large'>%5</span>")
        .arg(path)
        .arg(step)
        .arg(kWalkStageCount - 1)
        .arg(QString::fromStdString(stage.title).toHtmlEscaped(),
             QString::fromStdString(stage.formula).toHtmlEscaped());
}

QString stageNumbers(const QString& path, const WalkStage& stage) {
    return QStringLiteral("%1 ‖·‖ = %2, ∠1 = %3°")
        .arg(path, walkNumber(stage.norm), walkNumber(stage.angle_to_uniform_deg));
}

// A swatch of the token's colour, then its name and numbers in the text's own colour (a yellow
// or white name would vanish on a light background).
QString tokenHtml(const WalkedToken& token, int step) {
    QString html =
        QStringLiteral("<span style='background-color:%1'>&nbsp;&nbsp;&nbsp;</span> <b>%2</b>: ")
            .arg(token.colour.name(), token.name.toHtmlEscaped());
    if (!token.walk) return html + QStringLiteral("<i>%1</i>").arg(token.failure.toHtmlEscaped());
    const WalkNumbers& n = token.walk->numbers;
    html += QStringLiteral("c = %1 · ‖x⊥‖ = %2 · σ = %3 · θ = %4° │ ")
                .arg(walkNumber(n.uniform_component), walkNumber(n.orthogonal_norm),
                     walkNumber(n.sigma), walkNumber(n.angle_to_uniform_deg));
    const WalkStage& layerNorm = token.walk->layer_norm[std::size_t(step)];
    html += stageNumbers(QStringLiteral("LayerNorm"), layerNorm);
    if (layerNorm.removed.size() > 0 && layerNorm.removed.norm() > 0)
        html += QStringLiteral(" (removed μ·1 of length |c|)");
    return html + QStringLiteral(" │ ") +
           stageNumbers(QStringLiteral("RMSNorm"), token.walk->rms_norm[std::size_t(step)]);
}

}  // namespace

const char* walkStageName(bool layerNorm, int stage) {
    const int at = std::clamp(stage, 0, kWalkStageCount - 1);
    return layerNorm ? kLayerNormNames[at] : kRmsNormNames[at];
}

QString walkNumber(double value) {
    if (std::isnan(value)) return QStringLiteral("–");
    return QString::number(value, 'g', 5);
}

QString walkStepHtml(const std::vector<WalkedToken>& tokens, int step, double outsideShare) {
    const int at = std::clamp(step, 0, kWalkStageCount - 1);
    const auto walked =
        std::find_if(tokens.begin(), tokens.end(), [](const auto& token) { return token.walk; });
    QString html;
    if (walked != tokens.end()) {
        const NormalizationWalk& walk = *walked->walk;
        html +=
            QStringLiteral(
                "d = %1 · ε = %2 · c = x·û, ‖x⊥‖ = √d·σ, θ = angle of x to 1, ∠1 = a "
                "vector's angle to 1<table width='100%'><tr><td width='50%' valign='top'>%3</td>"
                "<td valign='top'>%4</td></tr></table>")
                .arg(walk.numbers.d)
                .arg(walkNumber(walk.numbers.eps),
                     formulaHtml(QStringLiteral("LayerNorm"), walk.layer_norm[std::size_t(at)], at),
                     formulaHtml(QStringLiteral("RMSNorm"), walk.rms_norm[std::size_t(at)], at));
    }
    for (const WalkedToken& token : tokens) html += tokenHtml(token, at) + QStringLiteral("<br>");
    if (outsideShare > 1e-6)
        html += QStringLiteral(
                    "<i>Every vector is drawn at its true norm and angle to 1; its direction "
                    "within the hyperplane ⊥ 1 is projected onto the two drawn axes (up to %1% "
                    "of a vector lies outside them).</i>")
                    .arg(QString::number(100.0 * outsideShare, 'f', 0));
    return html;
}

}  // namespace lngeom::widgets
