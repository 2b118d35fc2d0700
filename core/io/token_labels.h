#pragma once
// The dump's optional per-token labels (text, sequence, position) of a range of tokens, read on
// demand: a table or an export reads the rows it shows or writes, never the whole column.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/io/dump.h"

namespace lngeom {

// Entry i belongs to token first + i; a column the dump lacks stays empty.
struct TokenLabels {
    std::vector<std::string> text;
    std::vector<std::int32_t> sequence;
    std::vector<std::int32_t> position;
};

TokenLabels read_token_labels(const Dump& dump, Index first, Index count);

// Entry i belongs to tokens[i] (ascending): tokens close together are read as one range.
TokenLabels gather_token_labels(const Dump& dump, std::span<const Index> tokens);

}  // namespace lngeom
