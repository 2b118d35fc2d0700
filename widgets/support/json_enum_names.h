#pragma once
// Enum values in JSON (recipes, sessions) by name (core/support/enum_names.h), as Qt strings,
// with reading's error naming the key and the names it knows.

#include <QJsonObject>
#include <QString>

#include <string_view>

#include "core/support/enum_names.h"
#include "widgets/support/json_reader.h"

namespace lngeom::widgets {

template <typename Enum, std::size_t N>
using Names = EnumNames<Enum, N>;

// A value missing from its table is written as "unnamed", which reading refuses: a recipe never
// silently draws another mode than the one exported.
template <typename Enum, std::size_t N>
QString nameOf(const Names<Enum, N>& names, Enum value) {
    const std::string_view name = enum_name(names, value);
    if (name.empty()) return QStringLiteral("unnamed");
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

// The value named at `key`; `fallback` when the key is absent; FormatError (JsonReader::fail)
// listing the names for an unknown one.
template <typename Enum, std::size_t N>
Enum valueOf(const Names<Enum, N>& names, const JsonReader& json, const char* key, Enum fallback) {
    if (!json.has(key)) return fallback;
    const QString name = json.string(key);
    if (const auto value = enum_named(names, name.toStdString())) return *value;
    json.fail(key, QString("'%1' is not one of %2")
                       .arg(name, QString::fromStdString(enum_name_list(names, ", "))));
}

}  // namespace lngeom::widgets
