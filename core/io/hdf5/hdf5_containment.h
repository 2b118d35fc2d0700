#pragma once
// Internal to the core: lngeom reads only the file it was given. HDF5 can reach outside it
// through external links, external raw-data files and virtual datasets; following them could
// read another user's data or block forever on a FIFO, so each is refused with a message.

#include <string>
#include <vector>

#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::hdf5 {

// FormatError when the link `path` (its last component, which HDF5 does not traverse to
// answer) is an external link; nothing for any other link or a missing one.
void require_not_external_link(hid_t location, const std::string& path, const Where& where);

// FormatError when the dataset's values live in external raw files, or are virtual other than
// over shard files beside it (hdf5_virtual.h). Returns those shard files (none for a dataset
// stored in its own file).
std::vector<std::string> require_values_inside_file(const Dataset& dataset, const Where& where);

}  // namespace lngeom::hdf5
