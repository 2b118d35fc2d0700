#include "widgets/walk_text.h"

#include <algorithm>
#include <cmath>

namespace lngeom::widgets {
namespace {

QString numbersHtml(const WalkNumbers& n) {
    return QStringLiteral(
               "d = %1 · μ = %2 · <b>c</b> = x·û = %3 · ‖x‖ = %4 · <b>‖x⊥‖</b> = √d·σ = %5 · "
               "<b>σ</b> = %6 · rms = %7 · <b>θ</b> = %8° · ε = %9")
        .arg(n.d)
        .arg(walkNumber(n.mean), walkNumber(n.uniform_component), walkNumber(n.norm),
             walkNumber(n.orthogonal_norm), walkNumber(n.sigma), walkNumber(n.rms),
             walkNumber(n.angle_to_uniform_deg), walkNumber(n.eps));
}

QString stageHtml(const QString& path, const WalkStage& stage, int step) {
    QString html = QStringLiteral(
                       "<b>%1, step %2 of %3:</b> %4<br><span style='font-size:large'>%5</span>"
                       "<br>‖·‖ = %6 · angle to 1 = %7°")
                       .arg(path)
                       .arg(step)
                       .arg(kWalkStageCount - 1)
                       .arg(QString::fromStdString(stage.title).toHtmlEscaped(),
                            QString::fromStdString(stage.formula).toHtmlEscaped(),
                            walkNumber(stage.norm), walkNumber(stage.angle_to_uniform_deg));
    if (stage.removed.size() > 0 && stage.removed.norm() > 0)
        html += QStringLiteral(" · removed along 1: μ·1 with ‖μ·1‖ = |c| = %1")
                    .arg(walkNumber(stage.removed.norm()));
    return html;
}

}  // namespace

QString walkNumber(double value) {
    if (std::isnan(value)) return QStringLiteral("–");
    return QString::number(value, 'g', 5);
}

QString walkStepHtml(const NormalizationWalk& walk, int step, double outside) {
    const int at = std::clamp(step, 0, kWalkStageCount - 1);
    QString html = numbersHtml(walk.numbers);
    html += QStringLiteral(
                "<table width='100%'><tr><td width='50%' valign='top' style='color:#e8892a'>%1</td>"
                "<td valign='top' style='color:#3ab7d8'>%2</td></tr></table>")
                .arg(stageHtml(QStringLiteral("LayerNorm"), walk.layer_norm[std::size_t(at)], at),
                     stageHtml(QStringLiteral("RMSNorm"), walk.rms_norm[std::size_t(at)], at));
    if (at == kWalkStageCount - 1 && outside > 0)
        html += QStringLiteral(
                    "<i>γ⊙r has a part of length %1 outside the drawn 3-space; the picture shows "
                    "its projection.</i>")
                    .arg(walkNumber(outside));
    return html;
}

}  // namespace lngeom::widgets
