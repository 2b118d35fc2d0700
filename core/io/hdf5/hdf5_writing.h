#pragma once
// Internal to the core: writing HDF5 files (the metrics cache, exported per-token metrics):
// files with checksummed metadata, groups, scalar attributes, and 1-D chunked columns written
// in row ranges.

#include <cstdint>
#include <string>

#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::hdf5 {

// Creates (truncates) `path` in the HDF5 1.10 format, whose object headers and indexes carry
// checksums, so damaged metadata is refused when the file is opened again.
File create_file(const std::string& path, const Where& where);
Group create_group(hid_t location, const std::string& name, const Where& where);

// Variable-length UTF-8, as the native dump layout stores its attributes (h5py reads str).
void write_string_attribute(hid_t object, const char* name, const std::string& value,
                            const Where& where);
void write_int_attribute(hid_t object, const char* name, std::int64_t value, const Where& where);
void write_double_attribute(hid_t object, const char* name, double value, const Where& where);

struct ColumnLayout {
    hsize_t chunk_rows = 65536;
    unsigned gzip_level = 0;  // 0: uncompressed
    bool checksum = false;    // Fletcher-32 per chunk, verified by HDF5 on every read
};

// A 1-D dataset of `rows` elements of `type` (a native type), chunked as `layout` says.
Dataset create_column(hid_t group, const std::string& name, hid_t type, hsize_t rows,
                      const ColumnLayout& layout, const Where& where);
// Writes `count` elements of `type` from `data` at rows [first, first + count).
void write_rows(const Dataset& dataset, hid_t type, hsize_t first, hsize_t count, const void* data,
                const Where& where);

}  // namespace lngeom::hdf5
