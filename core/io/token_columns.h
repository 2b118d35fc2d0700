#pragma once
// Internal to the core: the optional per-token columns of a native dump (/tokens, /sequence,
// /position), validated against n_tokens when the dump opens and read in ranges.

#include <cstdint>
#include <string>
#include <vector>

#include "core/io/dump_contents.h"

namespace lngeom::detail {

// Sets has_tokens / has_sequence / has_position; FormatError when a column exists with the wrong
// rank, element type or length.
void attach_token_columns(DumpContents& contents);

std::vector<std::string> read_token_strings(const DumpContents& contents, Index first, Index count);
std::vector<std::int32_t> read_int_column(const DumpContents& contents, const std::string& path,
                                          Index first, Index count);

}  // namespace lngeom::detail
