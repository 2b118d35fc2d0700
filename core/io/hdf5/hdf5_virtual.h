#pragma once
// Internal to the core: the one kind of virtual dataset lngeom reads, a dump written in shards
// (tools/lngeom_export.py --shard-tokens): a master file whose datasets map rows of datasets in
// shard files beside it. HDF5 reads an element whose source file is missing as the fill value
// (zeros) without a word, so every source is checked before anything is read.

#include <string>
#include <vector>

#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::hdf5 {

// FormatError naming the virtual dataset and the source unless: every source file is named
// relatively without a directory and exists as a regular HDF5 file in the directory of
// `where.file`; its dataset exists, has the virtual dataset's element type and rank, is large
// enough for the rows mapped from it, is neither virtual nor stored outside its file, and its
// filters are available; and the mappings cover every element of the virtual dataset.
// Returns the shard files the values come from (paths as opened, sorted, each once; the master
// itself when a mapping names "."), which the metrics cache key covers.
std::vector<std::string> require_virtual_sources_beside_file(const Dataset& dataset,
                                                             const Where& where);

}  // namespace lngeom::hdf5
