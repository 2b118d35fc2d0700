#include "core/io/hdf5/hdf5_dataset.h"

#include <algorithm>

#include "core/errors.h"
#include "core/io/hdf5/hdf5_activity.h"
#include "core/io/hdf5/hdf5_attributes.h"
#include "core/io/hdf5/hdf5_chunked_read.h"

namespace lngeom::hdf5 {

namespace {

Datatype file_type(const Dataset& dataset, const Where& where) {
    return Datatype(check_id(H5Dget_type(dataset.id()), where, "cannot get the element type"));
}

PropertyList creation_plist(const Dataset& dataset, const Where& where) {
    return PropertyList(
        check_id(H5Dget_create_plist(dataset.id()), where, "cannot get the creation plist"));
}

// IEEE binary16: sign bit 15, 5 exponent bits at 10, 10 mantissa bits at 0.
bool is_ieee_half(hid_t type) {
    size_t sign = 0, exponent_pos = 0, exponent_size = 0, mantissa_pos = 0, mantissa_size = 0;
    if (H5Tget_fields(type, &sign, &exponent_pos, &exponent_size, &mantissa_pos, &mantissa_size) <
        0)
        return false;
    return sign == 15 && exponent_pos == 10 && exponent_size == 5 && mantissa_pos == 0 &&
           mantissa_size == 10;
}

bool is_bfloat16_tagged(const Dataset& dataset, const Where& where) {
    const Where here{where.file, where.object};
    const std::optional<std::string> tag = string_attribute(dataset.id(), "dtype", here);
    return tag && *tag == "bfloat16";
}

std::string filter_name(H5Z_filter_t id, const char* stored_name) {
    if (id == H5Z_FILTER_DEFLATE) return "gzip (deflate)";
    if (id == H5Z_FILTER_SZIP) return "szip";
    if (id == 32000) return "lzf";
    if (id == 32001) return "blosc";
    if (id == 32004) return "lz4";
    if (id == 32015) return "zstd";
    if (stored_name && *stored_name) return stored_name;
    return "unnamed";
}

// The box in numpy's slice notation, e.g. "[0:10, 0:8]", which Python users recognize.
std::string box_text(const std::vector<hsize_t>& offset, const std::vector<hsize_t>& count) {
    std::string text;
    for (size_t i = 0; i < offset.size(); ++i) {
        text += (i ? ", " : "") + std::to_string(offset[i]) + ":" +
                std::to_string(offset[i] + count[i]);
    }
    return "[" + text + "]";
}

Dataspace selected_file_space(const Dataset& dataset, const std::vector<hsize_t>& offset,
                              const std::vector<hsize_t>& count, const Where& where) {
    Dataspace space(check_id(H5Dget_space(dataset.id()), where, "cannot get dataspace"));
    check_status(H5Sselect_hyperslab(space.id(), H5S_SELECT_SET, offset.data(), nullptr,
                                     count.data(), nullptr),
                 where, "cannot select rows");
    return space;
}

}  // namespace

// A variable-length element is stored as its length, a heap address and an index (4 + address
// size + 4 bytes), which the in-memory type's size does not tell.
size_t stored_element_bytes(const Dataset& dataset, const Where& where) {
    const Datatype type = file_type(dataset, where);
    if (H5Tget_class(type.id()) != H5T_VLEN && H5Tis_variable_str(type.id()) <= 0)
        return H5Tget_size(type.id());
    const File file(check_id(H5Iget_file_id(dataset.id()), where, "cannot get its file"));
    const PropertyList creation(
        check_id(H5Fget_create_plist(file.id()), where, "cannot get the file's creation plist"));
    size_t address_bytes = 0, length_bytes = 0;
    check_status(H5Pget_sizes(creation.id(), &address_bytes, &length_bytes), where,
                 "cannot get the file's address size");
    return 4 + address_bytes + 4;
}

size_t chunk_bytes(const Dataset& dataset, const Where& where) {
    const std::vector<hsize_t> chunk = chunk_shape(dataset, where);
    if (chunk.empty()) return 0;
    size_t bytes = stored_element_bytes(dataset, where);
    for (hsize_t extent : chunk) bytes *= size_t(extent);
    return bytes;
}

std::vector<hsize_t> dataset_shape(const Dataset& dataset, const Where& where) {
    Dataspace space(check_id(H5Dget_space(dataset.id()), where, "cannot get dataspace"));
    const int rank =
        check_status(H5Sget_simple_extent_ndims(space.id()), where, "cannot get the rank");
    std::vector<hsize_t> shape(static_cast<size_t>(rank));
    check_status(H5Sget_simple_extent_dims(space.id(), shape.data(), nullptr), where,
                 "cannot get the shape");
    return shape;
}

std::vector<hsize_t> chunk_shape(const Dataset& dataset, const Where& where) {
    const PropertyList plist = creation_plist(dataset, where);
    if (H5Pget_layout(plist.id()) != H5D_CHUNKED) return {};
    const int rank = static_cast<int>(dataset_shape(dataset, where).size());
    std::vector<hsize_t> chunk(static_cast<size_t>(rank));
    const int chunk_rank =
        check_status(H5Pget_chunk(plist.id(), rank, chunk.data()), where, "cannot get the chunks");
    // libhdf5 1.10.8 refuses a stored chunk extent of 0, but decodes a layout whose chunks have
    // fewer dimensions than the dataset and leaves the missing extents 0: every chunk position
    // would then divide by zero.
    if (chunk_rank != rank)
        throw FormatError(where.file, where.object,
                          "has a damaged chunk layout: chunks of rank " +
                              std::to_string(chunk_rank) + " for a dataset of rank " +
                              std::to_string(rank));
    return chunk;
}

std::optional<StoredType> stored_float_type(const Dataset& dataset, const Where& where) {
    const Datatype type = file_type(dataset, where);
    const H5T_class_t type_class = H5Tget_class(type.id());
    const size_t size = H5Tget_size(type.id());
    if (type_class == H5T_FLOAT) {
        if (size == 2 && is_ieee_half(type.id())) return StoredType::Float16;
        if (size == 4) return StoredType::Float32;
        if (size == 8) return StoredType::Float64;
        return std::nullopt;
    }
    if (type_class == H5T_INTEGER && size == 2 && H5Tget_sign(type.id()) == H5T_SGN_NONE &&
        is_bfloat16_tagged(dataset, where))
        return StoredType::BFloat16;
    return std::nullopt;
}

std::string type_description(const Dataset& dataset, const Where& where) {
    const Datatype type = file_type(dataset, where);
    const std::string bits = std::to_string(8 * H5Tget_size(type.id()));
    switch (H5Tget_class(type.id())) {
        case H5T_INTEGER:
            return (H5Tget_sign(type.id()) == H5T_SGN_NONE ? "uint" : "int") + bits;
        case H5T_FLOAT:
            return "float" + bits + (bits == "16" ? " (not IEEE binary16)" : "");
        case H5T_STRING:
            return H5Tis_variable_str(type.id()) > 0 ? "variable-length string"
                                                     : "fixed-length string";
        case H5T_COMPOUND:
            return "compound";
        case H5T_ENUM:
            return "enum";
        default:
            return "non-numeric type";
    }
}

void require_filters_available(const Dataset& dataset, const Where& where) {
    const PropertyList plist = creation_plist(dataset, where);
    const int count = check_status(H5Pget_nfilters(plist.id()), where, "cannot list filters");
    for (int i = 0; i < count; ++i) {
        unsigned flags = 0;
        size_t n_values = 0;
        char name[128] = {};
        unsigned config = 0;
        const H5Z_filter_t id = H5Pget_filter2(plist.id(), unsigned(i), &flags, &n_values, nullptr,
                                               sizeof name, name, &config);
        check_status(id, where, "cannot read filter");
        const htri_t available = H5Zfilter_avail(id);
        if (available > 0) continue;
        take_error_stack_text();  // A failed plugin search leaves entries; the message says it.
        throw FormatError(where.file, where.object,
                          "needs the HDF5 filter '" + filter_name(id, name) + "' (id " +
                              std::to_string(id) +
                              "), which this HDF5 library does not have; install the filter "
                              "plugin (HDF5_PLUGIN_PATH) or re-save the data with gzip");
    }
}

namespace {

// libhdf5 converts a read's values through a buffer of the transfer's size (1 MiB by default) that
// it zeroes on every converting read: for a read of a few values (gamma, one vector, a site's edge
// rows, the fuzzer's every read) zeroing that megabyte took most of the read's time. Reads of up
// to this many bytes (values times the larger of their memory size and 8, the largest numeric
// value stored) use a transfer whose buffer is only this large; larger reads keep the default.
constexpr size_t kSmallReadBytes = 64 * 1024;

PropertyList small_read_transfer(const Where& where) {
    PropertyList transfer(
        check_id(H5Pcreate(H5P_DATASET_XFER), where, "cannot create the transfer plist"));
    check_status(H5Pset_buffer(transfer.id(), kSmallReadBytes, nullptr, nullptr), where,
                 "cannot size the conversion buffer");
    return transfer;
}

hid_t read_transfer(hid_t memory_type, const std::vector<hsize_t>& count, const Where& where) {
    double bytes = double(std::max<size_t>(H5Tget_size(memory_type), 8));
    for (hsize_t extent : count) bytes *= double(extent);
    if (bytes > double(kSmallReadBytes)) return H5P_DEFAULT;
    static const PropertyList small = small_read_transfer(where);
    return small.id();
}

}  // namespace

void read_box(const Dataset& dataset, hid_t memory_type, const std::vector<hsize_t>& offset,
              const std::vector<hsize_t>& count, void* buffer, const Where& where) {
    const Dataspace file_space = selected_file_space(dataset, offset, count, where);
    Dataspace memory_space(check_id(H5Screate_simple(int(count.size()), count.data(), nullptr),
                                    where, "cannot create memory dataspace"));
    announce(where, "reading its values " + box_text(offset, count));
    // A box outside the shape is left to H5Dread, which says so.
    if (H5Sselect_valid(file_space.id()) > 0 &&
        read_box_by_chunks(dataset, memory_type, offset, count, buffer, where))
        return;
    check_status(H5Dread(dataset.id(), memory_type, memory_space.id(), file_space.id(),
                         read_transfer(memory_type, count, where), buffer),
                 where, "cannot read " + box_text(offset, count));
}

void read_box_raw16(const Dataset& dataset, const std::vector<hsize_t>& offset,
                    const std::vector<hsize_t>& count, std::uint16_t* buffer, const Where& where) {
    // The file's own type, so HDF5 copies the bits unconverted; byte order is fixed up here.
    const Datatype type = file_type(dataset, where);
    read_box(dataset, type.id(), offset, count, buffer, where);
    if (H5Tget_order(type.id()) == H5Tget_order(H5T_NATIVE_UINT16)) return;
    size_t n = 1;
    for (hsize_t extent : count) n *= extent;
    std::transform(buffer, buffer + n, buffer,
                   [](std::uint16_t bits) { return std::uint16_t((bits << 8) | (bits >> 8)); });
}

}  // namespace lngeom::hdf5
