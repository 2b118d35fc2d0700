#pragma once
// Internal to the core: reading a box of a gzip-compressed dataset chunk by chunk, decoding
// each chunk in lngeom's own code (hdf5_chunk_filters.h) rather than through libhdf5's
// unbounded gzip filter. A bomb chunk is then refused when it is read, at no cost beyond the
// reading, and the validation probe need not inflate every chunk of a dump first.

#include <vector>

#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::hdf5 {

// True when lngeom decodes the chunks of the chunked `dataset` itself: its `pipeline` has gzip
// and otherwise only shuffle and fletcher32, and its values are fixed-size numbers.
bool decodes_chunks_itself(const Dataset& dataset, const std::vector<H5Z_filter_t>& pipeline,
                           const Where& where);

// Reads the box [offset, offset + count) into `buffer`, converted to the numeric
// `memory_type`, by decoding the chunks it touches, when decodes_chunks_itself; chunks not
// stored read as the fill value. False, with nothing read, for every other dataset.
// FormatError naming the chunk for one that cannot be decoded (hdf5_chunk_filters.h).
bool read_box_by_chunks(const Dataset& dataset, hid_t memory_type,
                        const std::vector<hsize_t>& offset, const std::vector<hsize_t>& count,
                        void* buffer, const Where& where);

}  // namespace lngeom::hdf5
