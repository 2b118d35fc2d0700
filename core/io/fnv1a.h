#pragma once
// FNV-1a 64, the one hash lngeom puts in its files and keys (state checksums, file signatures,
// cache file names): fast, and enough to notice changed bytes; no defence against an attacker.

#include <cstdint>
#include <string>
#include <string_view>

namespace lngeom {

// FNV-1a over `bytes`, continuing from `hash`.
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash = 0xcbf29ce484222325ull);

// `value` as 16 lower-case hexadecimal digits.
std::string hex64(std::uint64_t value);

}  // namespace lngeom
