#pragma once
// Internal to the core: opening files, groups and datasets.

#include <string>
#include <vector>

#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::hdf5 {

// Opens read-only; a missing, empty, non-HDF5 or truncated file gives an Hdf5Error that says so.
File open_file_read_only(const std::string& path);

// True when every component of `path` (absolute, or relative to `location`) is a link that
// resolves to an object. Never throws for a missing component; FormatError for a component
// that is an external link, which is never followed.
bool object_exists(hid_t location, const std::string& path, const Where& where);
bool is_group(hid_t location, const std::string& path, const Where& where);
bool is_dataset(hid_t location, const std::string& path, const Where& where);

Group open_group(hid_t location, const std::string& path, const Where& where);
// Opens with a chunk cache large enough for the row blocks the reader asks for.
Dataset open_dataset(hid_t location, const std::string& path, const Where& where);
// Opens with a chunk cache of `cache_bytes` whatever the dataset's filters.
Dataset open_dataset_with_chunk_cache(hid_t location, const std::string& path, const Where& where,
                                      size_t cache_bytes);

// Names of a group's direct members, in name order.
std::vector<std::string> member_names(hid_t group, const Where& where);

// Throws Hdf5Error when one of the group's link messages cannot be decoded. libhdf5 1.10 lists
// links (H5Literate) by copying them into a table and, when one fails to decode, frees the
// half-built table's unset entries and crashes; a lookup of a name no link has decodes the same
// messages one by one and fails cleanly. Call it before every H5Literate.
void require_decodable_links(hid_t group, const Where& where);

}  // namespace lngeom::hdf5
