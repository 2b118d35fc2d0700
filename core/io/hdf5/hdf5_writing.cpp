#include "core/io/hdf5/hdf5_writing.h"

#include <algorithm>

namespace lngeom::hdf5 {

namespace {

template <typename T>
void write_scalar_attribute(hid_t object, const char* name, hid_t type, const T& value,
                            const Where& where) {
    const Dataspace space(check_id(H5Screate(H5S_SCALAR), where, "H5Screate"));
    const Attribute attribute(check_id(
        H5Acreate2(object, name, type, space.id(), H5P_DEFAULT, H5P_DEFAULT), where, name));
    check_status(H5Awrite(attribute.id(), type, &value), where, name);
}

}  // namespace

File create_file(const std::string& path, const Where& where) {
    const PropertyList access(check_id(H5Pcreate(H5P_FILE_ACCESS), where, "H5Pcreate"));
    check_status(H5Pset_libver_bounds(access.id(), H5F_LIBVER_V110, H5F_LIBVER_V110), where,
                 "H5Pset_libver_bounds");
    return File(check_id(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, access.id()), where,
                         "H5Fcreate"));
}

Group create_group(hid_t location, const std::string& name, const Where& where) {
    return Group(check_id(H5Gcreate2(location, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                          where, "H5Gcreate2 " + name));
}

void write_string_attribute(hid_t object, const char* name, const std::string& value,
                            const Where& where) {
    const Datatype type(check_id(H5Tcopy(H5T_C_S1), where, "H5Tcopy"));
    check_status(H5Tset_size(type.id(), H5T_VARIABLE), where, "H5Tset_size");
    check_status(H5Tset_cset(type.id(), H5T_CSET_UTF8), where, "H5Tset_cset");
    const char* text = value.c_str();
    write_scalar_attribute(object, name, type.id(), text, where);
}

void write_int_attribute(hid_t object, const char* name, std::int64_t value, const Where& where) {
    write_scalar_attribute(object, name, H5T_NATIVE_INT64, value, where);
}

void write_double_attribute(hid_t object, const char* name, double value, const Where& where) {
    write_scalar_attribute(object, name, H5T_NATIVE_DOUBLE, value, where);
}

Dataset create_column(hid_t group, const std::string& name, hid_t type, hsize_t rows,
                      const ColumnLayout& layout, const Where& where) {
    const Dataspace space(check_id(H5Screate_simple(1, &rows, nullptr), where, "H5Screate"));
    const PropertyList properties(check_id(H5Pcreate(H5P_DATASET_CREATE), where, "H5Pcreate"));
    // A dataset without rows cannot be chunked by zero; one row per chunk is then harmless.
    const hsize_t chunk = std::max<hsize_t>(1, std::min(rows, layout.chunk_rows));
    check_status(H5Pset_chunk(properties.id(), 1, &chunk), where, "H5Pset_chunk");
    if (layout.checksum)
        check_status(H5Pset_fletcher32(properties.id()), where, "H5Pset_fletcher32");
    if (layout.gzip_level > 0)
        check_status(H5Pset_deflate(properties.id(), layout.gzip_level), where, "H5Pset_deflate");
    return Dataset(check_id(H5Dcreate2(group, name.c_str(), type, space.id(), H5P_DEFAULT,
                                       properties.id(), H5P_DEFAULT),
                            where, "H5Dcreate2 " + name));
}

void write_rows(const Dataset& dataset, hid_t type, hsize_t first, hsize_t count, const void* data,
                const Where& where) {
    if (count == 0) return;
    const Dataspace file_space(check_id(H5Dget_space(dataset.id()), where, "H5Dget_space"));
    check_status(
        H5Sselect_hyperslab(file_space.id(), H5S_SELECT_SET, &first, nullptr, &count, nullptr),
        where, "H5Sselect_hyperslab");
    const Dataspace memory_space(
        check_id(H5Screate_simple(1, &count, nullptr), where, "H5Screate"));
    check_status(
        H5Dwrite(dataset.id(), type, memory_space.id(), file_space.id(), H5P_DEFAULT, data), where,
        "H5Dwrite");
}

}  // namespace lngeom::hdf5
