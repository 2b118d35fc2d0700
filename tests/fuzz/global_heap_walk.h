#pragma once
// libhdf5 1.10.8's walk over a global heap collection's objects (H5HG__cache_heap_deserialize),
// replayed on a file's bytes before libhdf5 gets them: the walk steps from object to object by
// each object's stored size and checks neither that it moves on nor that it stays inside the
// collection, so a damaged collection makes it loop forever or hand H5HG_read an object past the
// end of its memory. Later releases of HDF5 refuse both.

#include <cstddef>
#include <cstdint>
#include <span>

namespace lngeom::fuzz {

// False when the bytes of `file` at `at` start a global heap collection ("GCOL", version 1)
// whose walk would stall on an object of size 0 or step past the collection's end; true
// otherwise (including anything libhdf5 refuses on its own: no superblock, another signature or
// version). Bytes past the end of `file` read as zeros, as HDF5 reads a file.
bool global_heap_walk_ends(std::span<const std::uint8_t> file, std::uint64_t at);

}  // namespace lngeom::fuzz
