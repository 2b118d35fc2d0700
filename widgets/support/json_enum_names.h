#pragma once
// Enum values written to JSON (recipes, sessions) by name, so a file stays readable and
// survives reordered enums: a table of (value, name) pairs, and the two directions through it.

#include <QJsonObject>
#include <QStringList>

#include <array>
#include <string_view>
#include <utility>

#include "widgets/support/json_reader.h"

namespace lngeom::widgets {

template <typename Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

// A value missing from its table is written as "unnamed", which reading refuses: a recipe never
// silently draws another mode than the one exported.
template <typename Enum, std::size_t N>
QString nameOf(const Names<Enum, N>& names, Enum value) {
    for (const auto& [known, name] : names)
        if (known == value) return QString::fromUtf8(name.data(), qsizetype(name.size()));
    return QStringLiteral("unnamed");
}

// The value named at `key`; `fallback` when the key is absent; FormatError (JsonReader::fail)
// listing the names for an unknown one.
template <typename Enum, std::size_t N>
Enum valueOf(const Names<Enum, N>& names, const JsonReader& json, const char* key, Enum fallback) {
    if (!json.has(key)) return fallback;
    const QString name = json.string(key);
    QStringList known;
    for (const auto& entry : names) {
        known.append(nameOf(names, entry.first));
        if (known.last() == name) return entry.first;
    }
    json.fail(key, QString("'%1' is not one of %2").arg(name, known.join(", ")));
}

}  // namespace lngeom::widgets
