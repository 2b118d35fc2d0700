#pragma once
// Internal to the core: whether a compressed chunk inflates to no more than its chunk holds,
// for the datasets whose chunks lngeom cannot decode itself at read time (a pipeline with gzip
// and a filter lngeom does not undo, or values libhdf5 must convert from the file's heap):
// libhdf5 reads those, so the validation probe inflates each of their gzip chunks first, in
// bounded memory (see hdf5_chunk_filters.h).

#include <string>
#include <vector>

#include "core/io/hdf5/hdf5_chunk_filters.h"
#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::hdf5 {

// A chunk's offset in a message: "(0, 1024)".
std::string chunk_coordinates(const std::vector<hsize_t>& offset);

// The dataset's filters in the order they were applied when writing.
std::vector<H5Z_filter_t> filter_pipeline(hid_t creation_plist, const Where& where);

// FormatError "has a damaged chunk index" naming the chunk at `offset` unless its `stored`
// bytes can hold its `decoded` values through the filters of `pipeline` that its filter `mask`
// does not skip: exactly as many when those only shuffle (plus fletcher32's checksum), since
// libhdf5 copies a whole chunk's values out of whatever it decoded; otherwise up to
// kFilterSlack more.
void require_stored_size(const std::vector<hsize_t>& offset, hsize_t stored, hsize_t decoded,
                         const std::vector<H5Z_filter_t>& pipeline, unsigned mask,
                         const Where& where);

// The `stored` bytes of the chunk at `offset`, as the filters left them; sets chunk.skipped.
Bytes read_stored_chunk(const Dataset& dataset, StoredChunk& chunk, hsize_t stored,
                        const Where& where);

// FormatError naming the chunk when the chunk stored at `offset` (`stored` bytes) inflates
// through the pipeline's gzip passes to more than `decoded` bytes (plus kFilterSlack), or its
// stream is corrupt; nothing for a pipeline without gzip.
void require_bounded_inflation(const Dataset& dataset, const std::vector<H5Z_filter_t>& pipeline,
                               const std::vector<hsize_t>& offset, hsize_t stored, hsize_t decoded,
                               const Where& where);

}  // namespace lngeom::hdf5
