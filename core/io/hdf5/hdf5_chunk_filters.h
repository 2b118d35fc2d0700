#pragma once
// Internal to the core: undoing a stored chunk's gzip, shuffle and fletcher32 filters in
// lngeom's own code, in bounded memory. libhdf5 inflates a gzip chunk into a buffer it doubles
// without limit and compares the result with the chunk's size only at the end; deflate expands
// up to 1032:1 per pass and a pipeline may apply it several times, so a damaged or hostile
// chunk of a few hundred bytes makes it claim gigabytes. Its gzip filter is predefined and
// cannot be replaced by a bounded one, so lngeom decodes such chunks itself.

#include <cstdint>
#include <vector>

#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::hdf5 {

using Bytes = std::vector<std::uint8_t>;

// A filter may make a chunk a little larger than its values (fletcher32 adds a checksum,
// scale-offset a header); gzip stores a chunk raw rather than larger.
inline constexpr hsize_t kFilterSlack = 1024;

// The checksum fletcher32 appends to a chunk.
inline constexpr size_t kFletcher32Bytes = 4;

// One chunk as stored, and what decoding it needs to know.
struct StoredChunk {
    std::vector<hsize_t> offset;  // its first element's coordinates
    std::uint32_t skipped = 0;    // bit i set: filter i of the pipeline was not applied
    hsize_t decoded = 0;          // bytes of its values
    size_t element_bytes = 0;     // bytes of one value, as stored
};

// True for the filters lngeom undoes itself: gzip (deflate), shuffle and fletcher32.
bool undoes_filter(H5Z_filter_t filter);

// Undoes the pipeline's filters on `data`, last to first, skipping those the chunk skipped,
// and stops before the first filter lngeom does not undo; returns how many filters are left
// (0 when `data` now holds the chunk's values). A gzip pass inflates to no more than the
// chunk's values plus kFilterSlack. FormatError naming the chunk for a stream that would
// inflate beyond that, a corrupt stream, or a failed fletcher32 checksum.
size_t undo_filters(const std::vector<H5Z_filter_t>& pipeline, const StoredChunk& chunk,
                    Bytes& data, const Where& where);
// FormatError naming the chunk when its decoded `data` are not exactly its values' size.
void require_decoded_size(const StoredChunk& chunk, const Bytes& data, const Where& where);

}  // namespace lngeom::hdf5
