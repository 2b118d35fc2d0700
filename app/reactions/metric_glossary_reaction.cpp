#include "app/reactions/metric_glossary_reaction.h"

#include <QMessageBox>

#include "core/metrics/metrics.h"

namespace lngeom::app {
namespace {

QString text(std::string_view view) {
    return QString::fromUtf8(view.data(), qsizetype(view.size())).toHtmlEscaped();
}

}  // namespace

MetricGlossaryReaction::MetricGlossaryReaction(QAction* action, QWidget* dialogParent)
    : Reaction(action), dialogParent_(dialogParent) {}

QString MetricGlossaryReaction::glossaryHtml() {
    QString rows;
    for (const MetricDescription& description : metric_descriptions())
        rows += QString("<tr><td><b>%1</b></td><td>%2%3</td></tr>")
                    .arg(text(description.label), text(description.definition),
                         description.needs_output ? tr(" (needs the module's output)") : QString());
    return tr("<p>Per token and norm site, for the vector x ∈ ℝ<sup>d</sup> entering the norm; "
              "<b>1</b> = (1, …, 1).</p><table cellpadding='4'>%1</table>")
        .arg(rows);
}

void MetricGlossaryReaction::onTriggered() {
    QMessageBox box(QMessageBox::NoIcon, tr("Metric definitions"), glossaryHtml(),
                    QMessageBox::Close, dialogParent_);
    box.setTextFormat(Qt::RichText);
    box.exec();
}

}  // namespace lngeom::app
