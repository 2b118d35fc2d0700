#include "app/files/dump_description.h"

#include <QLocale>
#include <QStringList>

#include "core/charts/site_labels.h"

namespace lngeom::app {

QString layoutName(Layout layout) {
    switch (layout) {
        case Layout::Native:
            return QObject::tr("lngeom activations (native)");
        case Layout::Generic2D:
            return QObject::tr("generic (tokens × d)");
        case Layout::Generic3D:
            return QObject::tr("generic (layers × tokens × d)");
    }
    return "?";
}

QString normKindName(NormKind kind) {
    switch (kind) {
        case NormKind::LayerNorm:
            return "LayerNorm";
        case NormKind::RmsNorm:
            return "RMSNorm";
        case NormKind::Unknown:
            break;
    }
    return QObject::tr("unknown norm");
}

QString attributeText(const AttributeValue& value) {
    if (const auto* text = std::get_if<std::string>(&value)) return QString::fromStdString(*text);
    if (const auto* integer = std::get_if<std::int64_t>(&value)) return QString::number(*integer);
    return QString::number(std::get<double>(value), 'g', 6);
}

QString shapeText(const std::vector<Index>& shape) {
    QStringList parts;
    for (const Index extent : shape) parts << QString::number(extent);
    return "(" + parts.join(", ") + ")";
}

QString byteSizeText(qint64 bytes) { return QLocale().formattedDataSize(bytes); }

QString siteDescription(const SiteInfo& site) {
    QStringList parts;
    if (site.layer >= 0) parts << QObject::tr("layer %1").arg(site.layer);
    if (!site.site.empty()) parts << QString::fromStdString(site.site);
    if (const std::string placement = site_placement(site); !placement.empty())
        parts << QString::fromStdString(placement);
    parts << QObject::tr("d %1").arg(site.d)
          << QString::fromLatin1(stored_type_name(site.input_type)) << normKindName(site.kind);
    QString text = parts.join(" · ");
    if (site.has_output) text += QObject::tr(", with output");
    return text;
}

}  // namespace lngeom::app
