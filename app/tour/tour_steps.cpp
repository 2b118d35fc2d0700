#include "app/tour/tour_steps.h"

#include <QObject>

namespace lngeom::app {
namespace {

// Formulas are set apart, large and in a serif face, so sub- and superscripts stay legible.
QString formula(const QString& text) {
    return "<p align='center' style='font-family: serif; font-size: x-large'>" + text + "</p>";
}

std::vector<TourStep> makeSteps() {
    const QString u = "<b>1</b>";
    const QString xPerp = "x<sub>⊥</sub>";
    return {
        {QObject::tr("1. What a norm layer sees"),
         QObject::tr(
             "<p>Every transformer block normalizes its hidden vector <i>x</i> ∈ ℝ<sup>d</sup> "
             "before attention (<b>ln1</b>) and before the MLP (<b>ln2</b>); one final norm "
             "follows the last block.</p><p>The tour runs on two sample files (it opens them "
             "if need be): tiny character-level GPTs trained on Debian's licence texts, identical "
             "except for their norm: "
             "LayerNorm in one, RMSNorm in the other. Each norm site's input vectors were "
             "recorded for 512 held-out characters.</p><p>The <b>Files</b> dock lists what "
             "each file holds; the <b>Norm site</b> box (Ctrl+PgUp / Ctrl+PgDown) picks the "
             "site every view shows.</p>"),
         0, 0, Metric::Norm},
        {QObject::tr("2. The uniform direction 1"),
         QObject::tr(
             "<p>LayerNorm treats one direction specially: the uniform vector %1 = (1, …, 1), "
             "or its unit version û = %1/√d. The angle θ between <i>x</i> and %1 measures how "
             "much of <i>x</i> points along it:</p>%2<p>θ = 90° means <i>x</i> is orthogonal "
             "to %1. The histogram shows θ for every token at this site: the peak sits near "
             "90°, as the paper finds in large models (its Figs. 5, 11–13).</p>")
             .arg(u, formula("θ = ∠(x, <b>1</b>) = atan2(‖" + xPerp + "‖, x·û)")),
         0, 0, Metric::AngleToUniformDeg},
        {QObject::tr("3. Step (i): remove the component along 1"),
         QObject::tr(
             "<p>LayerNorm first subtracts the mean μ from every coordinate. Geometrically "
             "that removes the component of <i>x</i> along %1:</p>%2%3<p>The histogram shows "
             "that signed length <i>c</i> = x·û. It is small compared with ‖x‖: there is "
             "little to remove.</p>")
             .arg(u,
                  formula("μ = (1/d) Σ x<sub>i</sub>,&nbsp;&nbsp; " + xPerp + " = x − μ<b>1</b>"),
                  formula("c = x·û = √d μ")),
         0, 0, Metric::UniformComponent},
        {QObject::tr("4. Step (ii): normalize"),
         QObject::tr(
             "<p>What is left, %1, lies in the hyperplane orthogonal to %2. LayerNorm divides "
             "it by its length, which is √d times the standard deviation σ:</p>%3"
             "<p>The histogram shows σ at this site.</p>")
             .arg(xPerp, u,
                  formula("‖" + xPerp + "‖ = √d σ,&nbsp;&nbsp; σ² = (1/d) Σ (x<sub>i</sub> − μ)²")),
         0, 0, Metric::Sigma},
        {QObject::tr("5. Step (iii): scale by √d"),
         QObject::tr(
             "<p>Finally the unit vector is scaled by √d, so every output has the same length "
             "(up to ε):</p>%1<p>All standardized vectors lie on the sphere of radius √d "
             "inside the hyperplane ⊥ %2. The histogram of ‖y‖ is a spike at √d. The "
             "learned gain γ and bias β then give the module's output γ ⊙ y + β.</p>")
             .arg(formula("y = √d · " + xPerp + " / ‖" + xPerp + "‖ = " + xPerp +
                          " / √(σ² + ε),&nbsp;&nbsp; ‖y‖ ≈ √d"),
                  u),
         0, 0, Metric::LnStandardizedNorm, Representation::LnStandardized},
        {QObject::tr("6. Why RMSNorm suffices"),
         QObject::tr(
             "<p>RMSNorm skips step (i): it divides <i>x</i> itself by its root mean "
             "square.</p>%1<p>When <i>x</i> is already nearly orthogonal to %2 (θ ≈ 90°), μ ≈ "
             "0, so r and y point the same way: the angle between them is exactly |90° − θ| "
             "(for ε = 0). The histogram shows that angle — a few degrees at most. This is "
             "the paper's argument: removing the %2 component is redundant at inference.</p>")
             .arg(formula("r = x / √(rms² + ε),&nbsp;&nbsp; rms² = σ² + μ²"), u),
         0, 0, Metric::LnVsRmsDeg, Representation::RmsStandardized},
        {QObject::tr("7. Deeper in the model"),
         QObject::tr(
             "<p>The same holds at every layer. This is the final norm of the LayerNorm model; "
             "step through the sites with Ctrl+PgUp / Ctrl+PgDown and watch the angle to %1 "
             "stay near 90°.</p>")
             .arg(u),
         0, kLastSite, Metric::AngleToUniformDeg},
        {QObject::tr("8. The RMSNorm model"),
         QObject::tr(
             "<p>Now the second file: the same network trained with RMSNorm, whose norm never "
             "removes the %1 component. Its hidden vectors are nearly orthogonal to %1 all the "
             "same — the model does not need LayerNorm's first step.</p>")
             .arg(u),
         1, kLastSite, Metric::AngleToUniformDeg},
        {QObject::tr("9. How much does the norm turn a vector?"),
         QObject::tr(
             "<p>The rotation angle compares each input with the module's actual output "
             "(γ and β included):</p>%1<p>The paper tabulates it per model (its Table 4).</p>"
             "<p><b>Your turn:</b> open your own dump with File ▸ Open (Ctrl+O) or by dropping "
             "it on the window — an lngeom dump written by <tt>tools/</tt>, or any HDF5 file "
             "with a (tokens, d) or (layers, tokens, d) dataset — and save a figure with "
             "File ▸ Export Chart.</p>")
             .arg(formula("∠(x, γ ⊙ y + β)")),
         1, 0, Metric::RotationDeg, Representation::Output},
    };
}

}  // namespace

const std::vector<TourStep>& tourSteps() {
    static const std::vector<TourStep> steps = makeSteps();
    return steps;
}

}  // namespace lngeom::app
