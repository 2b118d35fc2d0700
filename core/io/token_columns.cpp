#include "core/io/token_columns.h"

#include <cstring>

#include "core/errors.h"
#include "core/io/hdf5/hdf5_dataset.h"
#include "core/io/hdf5/hdf5_objects.h"

namespace lngeom::detail {

namespace {

constexpr const char* kTokens = "/tokens";

// The column's class if it is a rank-1 dataset of n_tokens entries; FormatError otherwise.
H5T_class_t checked_column_class(const DumpContents& contents, const std::string& path) {
    const hdf5::Where where{contents.info.path, path};
    const hdf5::Dataset dataset = hdf5::open_dataset(contents.file.id(), path, where);
    const std::vector<hsize_t> shape = hdf5::dataset_shape(dataset, where);
    if (shape.size() != 1) {
        throw FormatError(where.file, path,
                          "has shape " + shape_text(shape) + "; expected (n_tokens,)");
    }
    if (Index(shape[0]) != contents.info.n_tokens) {
        throw FormatError(where.file, path,
                          "has " + std::to_string(shape[0]) + " entries but the norm sites have " +
                              std::to_string(contents.info.n_tokens) + " tokens");
    }
    const hdf5::Datatype type(
        hdf5::check_id(H5Dget_type(dataset.id()), where, "cannot get the element type"));
    return H5Tget_class(type.id());
}

bool attach_column(const DumpContents& contents, const std::string& path, H5T_class_t wanted,
                   const char* wanted_text) {
    if (!hdf5::object_exists(contents.file.id(), path, {contents.info.path, path})) return false;
    if (checked_column_class(contents, path) != wanted) {
        const hdf5::Where where{contents.info.path, path};
        const hdf5::Dataset dataset = hdf5::open_dataset(contents.file.id(), path, where);
        throw FormatError(where.file, path,
                          "has element type " + hdf5::type_description(dataset, where) +
                              "; expected " + wanted_text);
    }
    return true;
}

std::vector<std::string> read_variable_strings(const hdf5::Dataset& dataset, hid_t type,
                                               Index first, Index count, const hdf5::Where& where) {
    std::vector<char*> pointers(size_t(count), nullptr);
    hdf5::read_box(dataset, type, {hsize_t(first)}, {hsize_t(count)}, pointers.data(), where);
    std::vector<std::string> tokens(pointers.begin(), pointers.end());
    for (char* pointer : pointers) H5free_memory(pointer);
    return tokens;
}

std::vector<std::string> read_fixed_strings(const hdf5::Dataset& dataset, hid_t type, Index first,
                                            Index count, const hdf5::Where& where) {
    const size_t width = H5Tget_size(type);
    std::vector<char> buffer(width * size_t(count));
    hdf5::read_box(dataset, type, {hsize_t(first)}, {hsize_t(count)}, buffer.data(), where);
    std::vector<std::string> tokens;
    for (Index i = 0; i < count; ++i) {
        const char* start = buffer.data() + size_t(i) * width;
        tokens.emplace_back(start, strnlen(start, width));
    }
    return tokens;
}

}  // namespace

void attach_token_columns(DumpContents& contents) {
    contents.info.has_tokens =
        attach_column(contents, kTokens, H5T_STRING, "strings (one per token)");
    contents.info.has_sequence = attach_column(contents, "/sequence", H5T_INTEGER, "integers");
    contents.info.has_position = attach_column(contents, "/position", H5T_INTEGER, "integers");
}

std::vector<std::string> read_token_strings(const DumpContents& contents, Index first,
                                            Index count) {
    const hdf5::Where where{contents.info.path, kTokens};
    const hdf5::Dataset dataset = hdf5::open_dataset(contents.file.id(), kTokens, where);
    if (count == 0) return {};
    const hdf5::Datatype type(
        hdf5::check_id(H5Dget_type(dataset.id()), where, "cannot get the element type"));
    if (H5Tis_variable_str(type.id()) > 0)
        return read_variable_strings(dataset, type.id(), first, count, where);
    return read_fixed_strings(dataset, type.id(), first, count, where);
}

std::vector<std::int32_t> read_int_column(const DumpContents& contents, const std::string& path,
                                          Index first, Index count) {
    const hdf5::Where where{contents.info.path, path};
    const hdf5::Dataset dataset = hdf5::open_dataset(contents.file.id(), path, where);
    std::vector<std::int32_t> values(static_cast<size_t>(count));
    if (count > 0)
        hdf5::read_box(dataset, H5T_NATIVE_INT32, {hsize_t(first)}, {hsize_t(count)}, values.data(),
                       where);
    return values;
}

}  // namespace lngeom::detail
