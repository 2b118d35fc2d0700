#pragma once
// Enum values written by name (recipes, sessions, command-line choices), so that a file stays
// readable and survives reordered enums: a table of (value, name) pairs and the two directions
// through it.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace lngeom {

template <typename Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, std::string_view>, N>;

// Empty for a value missing from the table.
template <typename Enum, std::size_t N>
constexpr std::string_view enum_name(const EnumNames<Enum, N>& names, Enum value) {
    for (const auto& [known, name] : names)
        if (known == value) return name;
    return {};
}

template <typename Enum, std::size_t N>
constexpr std::optional<Enum> enum_named(const EnumNames<Enum, N>& names, std::string_view name) {
    for (const auto& [value, known] : names)
        if (known == name) return value;
    return std::nullopt;
}

// Every name in table order for messages: "a, b or c" (`last` before the last name).
template <typename Enum, std::size_t N>
std::string enum_name_list(const EnumNames<Enum, N>& names, std::string_view last = " or ") {
    std::string list;
    for (std::size_t index = 0; index < N; ++index) {
        if (index > 0) list += index + 1 == N ? last : std::string_view(", ");
        list += names[index].second;
    }
    return list;
}

}  // namespace lngeom
