#include "core/io/hdf5/hdf5_compact_storage.h"

#include <limits>
#include <optional>

#include "core/errors.h"
#include "core/io/hdf5/hdf5_dataset.h"

namespace lngeom::hdf5 {

namespace {

// nullopt when the product does not fit in 64 bits: no compact buffer could hold it.
std::optional<hsize_t> needed_bytes(const Dataset& dataset, const Where& where) {
    const Dataspace space(check_id(H5Dget_space(dataset.id()), where, "cannot get dataspace"));
    const hssize_t elements =
        check_status(H5Sget_simple_extent_npoints(space.id()), where, "cannot count its values");
    const hsize_t bytes = stored_element_bytes(dataset, where);
    if (elements > 0 && bytes > std::numeric_limits<hsize_t>::max() / hsize_t(elements))
        return std::nullopt;
    return bytes * hsize_t(elements);
}

}  // namespace

void require_compact_values_complete(const Dataset& dataset, const Where& where) {
    const PropertyList creation(
        check_id(H5Dget_create_plist(dataset.id()), where, "cannot get the creation plist"));
    if (H5Pget_layout(creation.id()) != H5D_COMPACT) return;
    const hsize_t stored = H5Dget_storage_size(dataset.id());
    const std::optional<hsize_t> needed = needed_bytes(dataset, where);
    if (needed && stored >= *needed) return;
    throw FormatError(where.file, where.object,
                      "is damaged: its values are stored in its header (compact layout) in " +
                          std::to_string(stored) + " bytes, but its shape and element type need " +
                          (needed ? std::to_string(*needed) : "more than 2^64") + " bytes");
}

}  // namespace lngeom::hdf5
