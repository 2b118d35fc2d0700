#include "widgets/document/token_description.h"

#include "core/metrics/metrics.h"
#include "widgets/document/dump_document.h"

namespace lngeom::widgets {
namespace {

QString metricText(const DumpDocument& document, SiteIndex site, Index token, Metric metric,
                   const QString& symbol, const QString& unit = {}) {
    const auto columns = document.metrics().columns(site);
    return QStringLiteral("%1 = %2%3")
        .arg(symbol)
        .arg(double(columns->values(token, column_of(metric))), 0, 'g', 5)
        .arg(unit);
}

}  // namespace

QString visibleTokenText(const DumpDocument& document, Index token) {
    const auto& texts = document.labels().text;
    if (token < 0 || std::size_t(token) >= texts.size()) return {};
    QString text = QString::fromStdString(texts[std::size_t(token)]);
    text.replace('\n', QStringLiteral("⏎"))
        .replace('\t', QStringLiteral("⇥"))
        .replace(' ', QStringLiteral("␣"));
    return QStringLiteral("“%1”").arg(text);
}

QString tokenIdentity(const DumpDocument& document, Index token) {
    QString line = QStringLiteral("token %1").arg(token);
    const QString text = visibleTokenText(document, token);
    if (!text.isEmpty()) line += ' ' + text;
    const TokenLabelColumns& labels = document.labels();
    if (!labels.sequence.empty() && !labels.position.empty())
        line += QStringLiteral(" (text %1, position %2)")
                    .arg(labels.sequence[std::size_t(token)])
                    .arg(labels.position[std::size_t(token)]);
    return line;
}

QString describeToken(const DumpDocument& document, SiteIndex site, Index token) {
    QString line = tokenIdentity(document, token);
    if (document.state() != DumpDocument::State::Ready) return line;
    line += QStringLiteral(" · ") +
            metricText(document, site, token, Metric::AngleToUniformDeg, "θ", "°");
    line += QStringLiteral(" · ") + metricText(document, site, token, Metric::Norm, "‖x‖");
    line +=
        QStringLiteral(" · ") + metricText(document, site, token, Metric::UniformComponent, "c");
    line += QStringLiteral(" · ") + metricText(document, site, token, Metric::Sigma, "σ");
    return line;
}

}  // namespace lngeom::widgets
