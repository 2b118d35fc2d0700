#pragma once
// Internal to the core: walking a file's groups for the datasets it holds (the dataset picker,
// a generic file's candidates). lngeom walks them itself rather than through H5Ovisit, whose
// recursion a file of deeply nested groups can drive past the end of the stack, and it stops
// at a depth and a number of objects no real file reaches, so the walk is bounded in time and
// memory whatever the file declares.

#include <functional>
#include <string>

#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::hdf5 {

// Groups below the root a walk enters at most, and objects it looks at at most.
inline constexpr int kMaxWalkDepth = 256;
inline constexpr std::size_t kMaxWalkObjects = 100000;

// Calls `visit(path)` for every dataset reachable from the root through hard links, each once,
// depth first in name order (link cycles end); soft and external links are not followed.
// FormatError when groups nest deeper than kMaxWalkDepth or the file holds more than
// kMaxWalkObjects objects.
void visit_datasets(const File& file, const Where& where,
                    const std::function<void(const std::string& path)>& visit);

}  // namespace lngeom::hdf5
