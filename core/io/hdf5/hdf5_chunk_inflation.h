#pragma once
// Internal to the core: whether a compressed chunk inflates to no more than its chunk holds.
// libhdf5 inflates a gzip chunk into a buffer it doubles without limit and compares the result
// with the chunk's size only at the end; deflate expands up to 1032:1 per pass and a pipeline
// may apply it several times, so a damaged or hostile chunk of a few hundred bytes makes it
// claim gigabytes. Its gzip filter is predefined and cannot be replaced by a bounded one, so
// the validation probe inflates every stored gzip chunk itself first, in bounded memory.

#include <string>
#include <vector>

#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::hdf5 {

// A filter may make a chunk a little larger than its values (fletcher32 adds a checksum,
// scale-offset a header); gzip stores a chunk raw rather than larger.
inline constexpr hsize_t kFilterSlack = 1024;

// A chunk's offset in a message: "(0, 1024)".
std::string chunk_coordinates(const std::vector<hsize_t>& offset);

// The dataset's filters in the order they were applied when writing.
std::vector<H5Z_filter_t> filter_pipeline(hid_t creation_plist, const Where& where);

// FormatError naming the chunk when the chunk stored at `offset` (`stored` bytes) inflates
// through the pipeline's gzip passes to more than `decoded` bytes (plus kFilterSlack); nothing
// for a pipeline without gzip, or one whose stream is corrupt (reading it reports that).
void require_bounded_inflation(const Dataset& dataset, const std::vector<H5Z_filter_t>& pipeline,
                               const std::vector<hsize_t>& offset, hsize_t stored, hsize_t decoded,
                               const Where& where);

}  // namespace lngeom::hdf5
