#include "core/io/hdf5/hdf5_virtual.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "core/errors.h"
#include "core/io/dump.h"
#include "core/io/hdf5/hdf5_containment.h"
#include "core/io/hdf5/hdf5_dataset.h"
#include "core/io/hdf5/hdf5_objects.h"

namespace lngeom::hdf5 {

namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxMappings = size_t(1) << 16;
constexpr const char* kOnlyShards =
    "is a virtual dataset whose values come from other files: lngeom reads such a dataset only "
    "when its sources are shard files in the dump's own directory, named without a directory";

// The text of a string HDF5 hands out through a (buffer, size) call that returns its length.
std::string virtual_text(const std::function<ssize_t(char*, size_t)>& get, const Where& where) {
    const ssize_t length = get(nullptr, 0);
    if (length < 0) throw_error(where, "cannot read a virtual mapping");
    std::string text(size_t(length) + 1, '\0');
    if (get(text.data(), text.size()) < 0) throw_error(where, "cannot read a virtual mapping");
    text.resize(size_t(length));
    return text;
}

// A plain file name, or "." (the virtual file itself); never a path or a printf-style pattern.
void require_plain_name(const std::string& name, const Where& where) {
    const bool plain = !name.empty() && name.find('/') == std::string::npos &&
                       name.find('%') == std::string::npos && name != "..";
    if (!plain)
        throw FormatError(where.file, where.object,
                          std::string(kOnlyShards) + "; one source is '" + name + "'");
}

std::vector<hsize_t> selection_end(hid_t space, const Where& where) {
    const int rank = check_status(H5Sget_simple_extent_ndims(space), where, "cannot read a rank");
    std::vector<hsize_t> start(static_cast<size_t>(rank)), end(static_cast<size_t>(rank));
    check_status(H5Sget_select_bounds(space, start.data(), end.data()), where,
                 "cannot read the rows a virtual mapping takes");
    return end;
}

// Whether the source dataset of `shape` holds every value the mapping takes from it. A mapping
// of the whole source (h5py writes these: a scalar source space selecting "all") takes as many
// values as the virtual selection has, and HDF5 fills any it lacks with the fill value.
bool source_covers_mapping(const std::vector<hsize_t>& shape, hid_t source_space,
                           hid_t virtual_space, const Where& where) {
    if (H5Sget_select_type(source_space) == H5S_SEL_ALL) {
        hsize_t values = 1;
        for (const hsize_t extent : shape) values *= extent;
        const hssize_t taken = H5Sget_select_npoints(virtual_space);
        check_status(taken, where, "cannot count the values a virtual mapping takes");
        return values >= hsize_t(taken);
    }
    const std::vector<hsize_t> end = selection_end(source_space, where);
    bool fits = shape.size() == end.size();
    for (size_t axis = 0; fits && axis < shape.size(); ++axis) fits = end[axis] < shape[axis];
    return fits;
}

// The element type as the dump's messages name it (float16, bfloat16, ...).
std::string element_type_text(const Dataset& dataset, const Where& where) {
    const std::optional<StoredType> stored = stored_float_type(dataset, where);
    return stored ? stored_type_name(*stored) : type_description(dataset, where);
}

// The source dataset as lngeom would read it, and large enough for what is mapped from it.
void require_usable_source(const Dataset& virtual_dataset, hid_t source_space, hid_t virtual_space,
                           const std::string& source_path, const std::string& dataset_path,
                           const Where& where) {
    const Where there{source_path, dataset_path};
    const File file = open_file_read_only(source_path);
    if (!is_dataset(file.id(), dataset_path, there))
        throw FormatError(where.file, where.object,
                          "its source " + source_path + " has no dataset " + dataset_path);
    const Dataset source = open_dataset(file.id(), dataset_path, there);
    const PropertyList creation(
        check_id(H5Dget_create_plist(source.id()), there, "cannot get the creation plist"));
    if (H5Pget_layout(creation.id()) == H5D_VIRTUAL)
        throw FormatError(where.file, where.object,
                          "its source " + source_path + ":" + dataset_path +
                              " is itself virtual; lngeom follows one level of shards only");
    require_values_inside_file(source, there);
    require_filters_available(source, there);
    const Datatype wanted(check_id(H5Dget_type(virtual_dataset.id()), where, "cannot get type"));
    const Datatype found(check_id(H5Dget_type(source.id()), there, "cannot get type"));
    if (check_status(H5Tequal(wanted.id(), found.id()), there, "cannot compare types") <= 0)
        throw FormatError(where.file, where.object,
                          "its source " + source_path + ":" + dataset_path + " has element type " +
                              element_type_text(source, there) + ", the virtual dataset " +
                              element_type_text(virtual_dataset, where));
    const std::vector<hsize_t> shape = dataset_shape(source, there);
    if (!source_covers_mapping(shape, source_space, virtual_space, there))
        throw FormatError(where.file, where.object,
                          "its source " + source_path + ":" + dataset_path + " has shape " +
                              std::to_string(shape.empty() ? 0 : shape[0]) +
                              " rows, fewer than the mapping takes from it");
}

// One mapping: its source file exists beside the virtual file and its dataset is usable.
// Returns the source file's path.
std::string require_mapping(const Dataset& dataset, hid_t creation, size_t index,
                            const Where& where) {
    const std::string file_name = virtual_text(
        [&](char* text, size_t size) {
            return H5Pget_virtual_filename(creation, index, text, size);
        },
        where);
    // Absolute inside its file; h5py stores it as given, often without the leading '/'.
    std::string dataset_path = virtual_text(
        [&](char* text, size_t size) {
            return H5Pget_virtual_dsetname(creation, index, text, size);
        },
        where);
    if (!dataset_path.starts_with('/')) dataset_path.insert(0, "/");
    require_plain_name(file_name, where);
    const fs::path directory = fs::path(where.file).parent_path();
    const std::string source_path =
        file_name == "."
            ? where.file
            : (directory.empty() ? fs::path(file_name) : directory / file_name).string();
    std::error_code error;
    if (!fs::exists(source_path, error))
        throw FormatError(where.file, where.object,
                          "its source shard " + source_path +
                              " is missing; lngeom never reads a missing shard's rows as fill "
                              "values");
    const Dataspace source_space(
        check_id(H5Pget_virtual_srcspace(creation, index), where, "cannot read a mapping"));
    const Dataspace virtual_space(
        check_id(H5Pget_virtual_vspace(creation, index), where, "cannot read a mapping"));
    try {
        require_usable_source(dataset, source_space.id(), virtual_space.id(), source_path,
                              dataset_path, where);
    } catch (const Hdf5Error& failure) {
        throw FormatError(where.file, where.object,
                          "its source shard cannot be read: " + std::string(failure.what()));
    }
    return source_path;
}

// Elements no mapping covers would read as the fill value.
void require_full_coverage(const Dataset& dataset, hid_t creation, size_t mappings,
                           const Where& where) {
    const Dataspace space(check_id(H5Dget_space(dataset.id()), where, "cannot get dataspace"));
    const hssize_t total = H5Sget_simple_extent_npoints(space.id());
    Dataspace covered(check_id(H5Pget_virtual_vspace(creation, 0), where, "cannot read a mapping"));
    for (size_t index = 1; index < mappings; ++index) {
        const Dataspace next(
            check_id(H5Pget_virtual_vspace(creation, index), where, "cannot read a mapping"));
        check_status(H5Smodify_select(covered.id(), H5S_SELECT_OR, next.id()), where,
                     "cannot combine the mappings");
    }
    const hssize_t mapped = H5Sget_select_npoints(covered.id());
    if (mapped != total)
        throw FormatError(where.file, where.object,
                          "is a virtual dataset whose mappings cover " + std::to_string(mapped) +
                              " of its " + std::to_string(total) +
                              " values; the others would read as fill values");
}

}  // namespace

std::vector<std::string> require_virtual_sources_beside_file(const Dataset& dataset,
                                                             const Where& where) {
    if (const char* prefix = std::getenv("HDF5_VDS_PREFIX"); prefix && *prefix)
        throw FormatError(where.file, where.object,
                          std::string(kOnlyShards) +
                              "; HDF5_VDS_PREFIX is set and would make "
                              "HDF5 look for them elsewhere: unset it");
    const PropertyList creation(
        check_id(H5Dget_create_plist(dataset.id()), where, "cannot get the creation plist"));
    size_t mappings = 0;
    check_status(H5Pget_virtual_count(creation.id(), &mappings), where, "cannot count mappings");
    if (mappings == 0 || mappings > kMaxMappings)
        throw FormatError(where.file, where.object,
                          "is a virtual dataset of " + std::to_string(mappings) +
                              " mappings; lngeom reads from 1 to " + std::to_string(kMaxMappings));
    std::vector<std::string> sources;
    for (size_t index = 0; index < mappings; ++index)
        sources.push_back(require_mapping(dataset, creation.id(), index, where));
    require_full_coverage(dataset, creation.id(), mappings, where);
    std::sort(sources.begin(), sources.end());
    sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    return sources;
}

}  // namespace lngeom::hdf5
