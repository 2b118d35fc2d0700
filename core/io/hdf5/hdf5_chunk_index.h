#pragma once
// Internal to the core: reading a chunked dataset's whole chunk index up front, and checking
// each record. libhdf5 reads the index lazily, node by node, as rows are read, and trusts each
// record's size: a damaged record makes it copy past the end of a buffer (an uncompressed chunk
// stored in fewer bytes than its values take). The validation probe has it read every node and
// checks every record first, so that a damaged index fails there, with a message, rather than
// in lngeom's own process midway through a pass.

#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::hdf5 {

// Walks every node of the dataset's chunk index and checks the stored size of each chunk
// (FormatError naming the chunk); nothing for contiguous or compact storage.
void walk_chunk_index(const Dataset& dataset, const Where& where);

}  // namespace lngeom::hdf5
