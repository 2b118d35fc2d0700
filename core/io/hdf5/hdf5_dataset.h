#pragma once
// Internal to the core: what the reader needs to know about a dataset (shape, chunking, stored
// element type, filters) and hyperslab reads.

#include <optional>
#include <string>
#include <vector>

#include "core/io/dump.h"
#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::hdf5 {

std::vector<hsize_t> dataset_shape(const Dataset& dataset, const Where& where);
// The chunk's extent per dimension; empty for contiguous or compact storage.
std::vector<hsize_t> chunk_shape(const Dataset& dataset, const Where& where);

// Bytes of one element as stored in the file: a variable-length value counts as its length and
// a global heap reference (16 bytes with 8-byte addresses).
size_t stored_element_bytes(const Dataset& dataset, const Where& where);
// What one chunk holds once decoded; 0 when the dataset is not chunked.
size_t chunk_bytes(const Dataset& dataset, const Where& where);

// float16/32/64 of either byte order, or uint16 with attribute dtype = "bfloat16";
// nullopt for every other element type.
std::optional<StoredType> stored_float_type(const Dataset& dataset, const Where& where);
// The element type in words for error messages: "int32", "variable-length string", ...
std::string type_description(const Dataset& dataset, const Where& where);

// FormatError naming the filter when the dataset needs one this HDF5 library cannot apply.
void require_filters_available(const Dataset& dataset, const Where& where);

// Reads the box [offset, offset + count) of the dataset into `buffer`, converted to `memory_type`.
void read_box(const Dataset& dataset, hid_t memory_type, const std::vector<hsize_t>& offset,
              const std::vector<hsize_t>& count, void* buffer, const Where& where);
// Reads the box of a 16-bit float dataset as its raw bit patterns in native byte order.
void read_box_raw16(const Dataset& dataset, const std::vector<hsize_t>& offset,
                    const std::vector<hsize_t>& count, std::uint16_t* buffer, const Where& where);

}  // namespace lngeom::hdf5
