#include "core/io/hdf5/hdf5_containment.h"

#include "core/io/hdf5/hdf5_virtual.h"

#include <vector>

#include "core/errors.h"

namespace lngeom::hdf5 {

namespace {

// "file.h5:/path", as h5py shows an external link.
std::string external_target(hid_t location, const std::string& path, size_t value_size,
                            const Where& where) {
    std::vector<char> value(value_size + 1, '\0');
    check_status(H5Lget_val(location, path.c_str(), value.data(), value_size, H5P_DEFAULT), where,
                 "cannot read the external link");
    const char* file = nullptr;
    const char* object = nullptr;
    check_status(H5Lunpack_elink_val(value.data(), value_size, nullptr, &file, &object), where,
                 "cannot read the external link");
    return std::string(file ? file : "") + ":" + (object ? object : "");
}

}  // namespace

void require_not_external_link(hid_t location, const std::string& path, const Where& where) {
    H5L_info_t info;
    if (H5Lget_info(location, path.c_str(), &info, H5P_DEFAULT) < 0) {
        take_error_stack_text();  // A missing link is for the caller to report.
        return;
    }
    if (info.type != H5L_TYPE_EXTERNAL) return;
    throw FormatError(where.file, path,
                      "is an external link to " +
                          external_target(location, path, info.u.val_size, {where.file, path}) +
                          "; lngeom reads only the file it was given (open that file itself)");
}

std::vector<std::string> require_values_inside_file(const Dataset& dataset, const Where& where) {
    PropertyList plist(
        check_id(H5Dget_create_plist(dataset.id()), where, "cannot get the creation plist"));
    if (H5Pget_layout(plist.id()) == H5D_VIRTUAL)
        return require_virtual_sources_beside_file(dataset, where);
    const int n_external =
        check_status(H5Pget_external_count(plist.id()), where, "cannot list external files");
    if (n_external == 0) return {};
    char name[512] = {};
    off_t offset = 0;
    hsize_t size = 0;
    check_status(H5Pget_external(plist.id(), 0, sizeof name, name, &offset, &size), where,
                 "cannot read the external file list");
    throw FormatError(where.file, where.object,
                      "stores its values outside the file, in the raw file '" + std::string(name) +
                          "'; lngeom reads only the file it was given (copy the values into it)");
}

}  // namespace lngeom::hdf5
