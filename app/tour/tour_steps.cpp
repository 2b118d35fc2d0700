#include "app/tour/tour_steps.h"

#include <QObject>
#include <QStringList>

#include "app/tour/tour_facts.h"

namespace lngeom::app {
namespace {

const QString kOne = QStringLiteral("<b>1</b>");
const QString kXPerp = QStringLiteral("x<sub>⊥</sub>");

// Formulas are set apart, large and in a serif face, so sub- and superscripts stay legible.
// Each expression is kept on one line (no-break spaces, no wrapping inside it); a narrow panel
// wraps between expressions, never inside one. An expression starting with "=" continues the
// one before it (a long formula broken before its "=", as in print).
QString formula(const QStringList& expressions) {
    QString html;
    for (QString expression : expressions) {
        const bool continues = expression.startsWith('=');
        if (!html.isEmpty()) html += continues ? " " : ",&nbsp;&nbsp; ";
        html +=
            "<span style='white-space: nowrap'>" + expression.replace(' ', "&nbsp;") + "</span>";
    }
    return "<p align='center' style='font-family: serif; font-size: large'>" + html + "</p>";
}

QString tr(const char* text) { return QObject::tr(text); }

QString whatANormSees(const TourFacts& facts) {
    return tr("<p>Every transformer block normalizes its hidden vector <i>x</i> ∈ ℝ<sup>d</sup> "
              "before attention (<b>ln1</b>) and before the MLP (<b>ln2</b>); one final norm "
              "follows the last block.</p><p>The tour runs on two sample files (it opens them "
              "if need be): tiny character-level GPTs trained on Debian's licence texts, "
              "identical except for their norm: LayerNorm in one, RMSNorm in the other. Each "
              "norm site's input vectors were recorded for %1 held-out characters, d = %2.</p>"
              "<p>The <b>3D projection</b> shows those %1 vectors <i>x</i> entering site %3, the "
              "<b>histogram</b> their lengths: ‖x‖ = %4 ± %5, from %6 to %7. The <b>Files</b> "
              "dock lists what each file holds; the <b>Norm site</b> box (Ctrl+PgUp / "
              "Ctrl+PgDown) picks the site every view shows.</p>")
        .arg(facts.tokenCount(), facts.d(), facts.siteLabel(), facts.mean(Metric::Norm, 1),
             facts.sd(Metric::Norm, 1), facts.min(Metric::Norm, 1), facts.max(Metric::Norm, 1));
}

QString uniformDirection(const TourFacts& facts) {
    const Metric angle = Metric::AngleToUniformDeg;
    return tr("<p>LayerNorm treats one direction specially: the uniform vector %1 = (1, …, 1), "
              "or its unit version û = %1/√d. The angle θ between <i>x</i> and %1 measures how "
              "much of <i>x</i> points along it:</p>%2<p>θ = 90° means <i>x</i> is orthogonal "
              "to %1. The histogram shows θ for the %3 tokens of site %4: median %5°, 98% of "
              "them between %6° and %7°. The peak sits near 90°, as the paper finds in large "
              "models (its Figs. 5, 11–13); in the 3D view the vertical axis is %1, and the "
              "points gather around the disc of the hyperplane ⊥ %1.</p>")
        .arg(kOne, formula({"θ = ∠(x, " + kOne + ") = atan2(‖" + kXPerp + "‖, x·û)"}),
             facts.tokenCount(), facts.siteLabel(), facts.median(angle, 1), facts.p01(angle, 1),
             facts.p99(angle, 1));
}

QString removeTheMean(const TourFacts& facts) {
    const Metric share = Metric::AbsCosToUniform;
    return tr("<p>LayerNorm first subtracts the mean μ from every coordinate. Geometrically "
              "that removes the component of <i>x</i> along %1:</p>%2%3<p>The histogram shows "
              "that signed length <i>c</i> = x·û at site %4. It is small compared with ‖x‖: "
              "|c| / ‖x‖ = |cos θ| has a median of %5 here (%6 for 99% of the tokens), so there "
              "is little to remove. The <b>step-through</b> walks token %7, whose angle to %1 is "
              "the site's median: the red arrow μ·%1 is what this step takes away.</p>")
        .arg(kOne, formula({"μ = (1/d) Σ x<sub>i</sub>", kXPerp + " = x − μ" + kOne}),
             formula({"c = x·û = √d μ"}), facts.siteLabel(), facts.median(share, 3),
             tr("at most %1").arg(facts.p99(share, 3)))
        .arg(facts.representativeToken());
}

QString normalize(const TourFacts& facts) {
    return tr("<p>What is left, %1, lies in the hyperplane orthogonal to %2. LayerNorm divides "
              "it by its length, which is √d times the standard deviation σ:</p>%3<p>The "
              "histogram shows σ at site %4: %5 ± %6. The <b>step-through</b> shows token %7's "
              "%1 shrunk to length 1.</p>")
        .arg(kXPerp, kOne,
             formula({"‖" + kXPerp + "‖ = √d σ", "σ² = (1/d) Σ (x<sub>i</sub> − μ)²"}),
             facts.siteLabel(), facts.mean(Metric::Sigma, 3), facts.sd(Metric::Sigma, 3))
        .arg(facts.representativeToken());
}

QString scaleBySqrtD(const TourFacts& facts) {
    const Metric norm = Metric::Norm;
    const Metric length = Metric::LnStandardizedNorm;
    return tr("<p>Finally the unit vector is scaled by √d, so every output has the same length "
              "(up to ε):</p>%1<p>The <b>step-through</b> walks six tokens whose ‖x‖ runs from "
              "%2 to %3: after this step each one ends on the sphere of radius √d = %4, in the "
              "hyperplane ⊥ %5. The histogram of ‖y‖ over all %6 tokens is a spike: from %7 to "
              "%8, a width of %9. The <b>3D projection</b> tab shows every y at its true radius: "
              "on the sphere's equator. The learned gain γ and bias β then give the module's "
              "output γ ⊙ y + β.</p>")
        .arg(formula({"y = √d · " + kXPerp + " / ‖" + kXPerp + "‖", "= " + kXPerp + " / √(σ² + ε)",
                      "‖y‖ ≈ √d"}),
             facts.p01(norm, 1), facts.p99(norm, 1), facts.sqrtD(3), kOne, facts.tokenCount(),
             facts.min(length, 6), facts.max(length, 6))
        .arg(facts.width(length, 6));
}

QString whyRmsNormSuffices(const TourFacts& facts) {
    const Metric angle = Metric::LnVsRmsDeg;
    return tr("<p>RMSNorm skips step (i): it divides <i>x</i> itself by its root mean "
              "square.</p>%1<p>When <i>x</i> is already nearly orthogonal to %2 (θ ≈ 90°), μ ≈ "
              "0, so r and y point nearly the same way: the angle between them is exactly |90° − "
              "θ| (for ε = 0). The <b>step-through</b> shows both for token %3 after scaling: "
              "LayerNorm's y (orange) and RMSNorm's r (blue) end on the same √d sphere, %4° "
              "apart. The histogram shows that angle for every token of site %5: a median of "
              "%6°, below %7° for 99% of the tokens, %8° at most. This is the paper's argument: "
              "removing the %2 component changes little.</p>")
        .arg(formula({"r = x / √(rms² + ε)", "rms² = σ² + μ²"}), kOne)
        .arg(facts.representativeToken())
        .arg(facts.ofRepresentativeToken(angle, 1), facts.siteLabel(), facts.median(angle, 1),
             facts.p99(angle, 1), facts.max(angle, 1));
}

QString deeperInTheModel(const TourFacts& facts) {
    const Metric angle = Metric::AngleToUniformDeg;
    return tr("<p>The same holds at every layer. The <b>layer curves</b> show the angle to %1 at "
              "each of the %2 norm sites of %3, mean ± SD: the site means run from %4° to %5°. "
              "The 3D view shows the final norm (site %6, θ = %7° ± %8°); step through the sites "
              "with Ctrl+PgUp / Ctrl+PgDown.</p>")
        .arg(kOne, facts.siteCount(), facts.fileName(), facts.lowestSiteMean(angle, 1),
             facts.highestSiteMean(angle, 1), facts.siteLabel(), facts.mean(angle, 1),
             facts.sd(angle, 1));
}

QString theRmsNormModel(const TourFacts& facts) {
    const Metric angle = Metric::AngleToUniformDeg;
    return tr("<p>Now the second file: the same network trained with RMSNorm, whose norm never "
              "removes the %1 component. Its hidden vectors are nearly orthogonal to %1 all the "
              "same: the layer curves' site means of θ run from %2° to %3°, and at its final "
              "norm θ = %4° ± %5°. The model does not need LayerNorm's first step.</p>")
        .arg(kOne, facts.lowestSiteMean(angle, 1), facts.highestSiteMean(angle, 1),
             facts.mean(angle, 1), facts.sd(angle, 1));
}

QString howMuchItTurns(const TourFacts& facts) {
    const Metric rotation = Metric::RotationDeg;
    return tr("<p>The rotation angle compares each input with the module's actual output (γ and "
              "β included):</p>%1<p>At site %2 of %3 the module turns <i>x</i> by %4° ± %5° "
              "(median %6°); the 3D view shows the outputs. The paper tabulates this angle per "
              "model (its Table 4).</p><p><b>Your turn:</b> open your own dump with File ▸ Open "
              "(Ctrl+O) or by dropping it on the window — an lngeom dump written by "
              "<tt>tools/</tt>, or any HDF5 file with a (tokens, d) or (layers, tokens, d) "
              "dataset — and save a figure with File ▸ Export Figure.</p>")
        .arg(formula({"∠(x, γ ⊙ y + β)"}), facts.siteLabel(), facts.fileName(),
             facts.mean(rotation, 1), facts.sd(rotation, 1), facts.median(rotation, 1));
}

std::vector<TourStep> makeSteps() {
    const auto step = [](const char* title, QString (*html)(const TourFacts&)) {
        TourStep made;
        made.title = QObject::tr(title);
        made.html = html;
        return made;
    };
    std::vector<TourStep> steps;
    steps.reserve(9);  // the references below stay valid
    TourStep& first = steps.emplace_back(step("1. What a norm layer sees", whatANormSees));
    first.metric = Metric::Norm;
    steps.push_back(step("2. The uniform direction 1", uniformDirection));
    TourStep& centre =
        steps.emplace_back(step("3. Step (i): remove the component along 1", removeTheMean));
    centre.metric = Metric::UniformComponent;
    centre.scene = TourScene::StepThrough;
    centre.walkStage = 1;
    TourStep& unit = steps.emplace_back(step("4. Step (ii): normalize", normalize));
    unit.metric = Metric::Sigma;
    unit.scene = TourScene::StepThrough;
    unit.walkStage = 2;
    TourStep& scale = steps.emplace_back(step("5. Step (iii): scale by √d", scaleBySqrtD));
    scale.metric = Metric::LnStandardizedNorm;
    scale.scene = TourScene::StepThrough;
    scale.walkStage = 3;
    scale.walk = TourWalk::AcrossNorms;
    scale.representation = Representation::LnStandardized;
    scale.placement = Placement::TrueRadius;
    TourStep& rms = steps.emplace_back(step("6. Why RMSNorm suffices", whyRmsNormSuffices));
    rms.metric = Metric::LnVsRmsDeg;
    rms.scene = TourScene::StepThrough;
    rms.walkStage = 3;
    TourStep& deeper = steps.emplace_back(step("7. Deeper in the model", deeperInTheModel));
    deeper.site = kLastSite;
    deeper.chart = TourChart::Curves;
    TourStep& other = steps.emplace_back(step("8. The RMSNorm model", theRmsNormModel));
    other.sample = 1;
    other.site = kLastSite;
    other.chart = TourChart::Curves;
    TourStep& turn =
        steps.emplace_back(step("9. How much does the norm turn a vector?", howMuchItTurns));
    turn.sample = 1;
    turn.metric = Metric::RotationDeg;
    turn.representation = Representation::Output;
    return steps;
}

}  // namespace

const std::vector<TourStep>& tourSteps() {
    static const std::vector<TourStep> steps = makeSteps();
    return steps;
}

}  // namespace lngeom::app
