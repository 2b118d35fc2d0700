#include "widgets/document/token_description.h"

#include "core/columns/column_blocks.h"
#include "core/io/token_labels.h"
#include "core/metrics/metrics.h"
#include "widgets/document/dump_document.h"

namespace lngeom::widgets {
namespace {

QString metricText(const ColumnSource& columns, Index token, Metric metric, const QString& symbol,
                   const QString& unit = {}) {
    return QStringLiteral("%1 = %2%3")
        .arg(symbol)
        .arg(double(value_at(columns, metric, token)), 0, 'g', 5)
        .arg(unit);
}

TokenLabels labelsOf(const DumpDocument& document, Index token) {
    if (!document.dump() || token < 0 || token >= document.info().n_tokens) return {};
    return read_token_labels(*document.dump(), token, 1);
}

QString quotedText(const TokenLabels& labels) {
    return labels.text.empty() ? QString()
                               : QStringLiteral("“%1”").arg(visibleText(labels.text.front()));
}

}  // namespace

QString visibleText(const std::string& text) {
    QString shown = QString::fromStdString(text);
    shown.replace('\n', QStringLiteral("⏎"))
        .replace('\t', QStringLiteral("⇥"))
        .replace(' ', QStringLiteral("␣"));
    return shown;
}

QString visibleTokenText(const DumpDocument& document, Index token) {
    return quotedText(labelsOf(document, token));
}

QString tokenIdentity(const DumpDocument& document, Index token) {
    QString line = QStringLiteral("token %1").arg(token);
    const TokenLabels labels = labelsOf(document, token);
    const QString text = quotedText(labels);
    if (!text.isEmpty()) line += ' ' + text;
    if (!labels.sequence.empty() && !labels.position.empty())
        line += QStringLiteral(" (text %1, position %2)")
                    .arg(labels.sequence.front())
                    .arg(labels.position.front());
    return line;
}

QString describeToken(const DumpDocument& document, SiteIndex site, Index token) {
    QString line = tokenIdentity(document, token);
    if (document.state() != DumpDocument::State::Ready) return line;
    const auto columns = document.metrics().columns(site);
    line +=
        QStringLiteral(" · ") + metricText(*columns, token, Metric::AngleToUniformDeg, "θ", "°");
    line += QStringLiteral(" · ") + metricText(*columns, token, Metric::Norm, "‖x‖");
    line += QStringLiteral(" · ") + metricText(*columns, token, Metric::UniformComponent, "c");
    line += QStringLiteral(" · ") + metricText(*columns, token, Metric::Sigma, "σ");
    return line;
}

}  // namespace lngeom::widgets
