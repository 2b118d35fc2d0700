#include "core/io/hdf5/hdf5_objects.h"

#include <filesystem>
#include <optional>
#include <span>
#include <system_error>
#include <type_traits>

#include "core/errors.h"
#include "core/io/hdf5/hdf5_activity.h"
#include "core/io/hdf5/hdf5_compact_storage.h"
#include "core/io/hdf5/hdf5_containment.h"
#include "core/io/memory_file.h"

namespace lngeom::hdf5 {

namespace {

// Compressed datasets get 4 MiB of chunk cache (HDF5's default is 1 MiB) so that rows read one
// by one from a moderately wide chunk decompress it once; a dump has a hundred datasets or
// more, so the cache stays small. 12421 slots: a prime. Uncompressed datasets get none: HDF5
// then reads chunks straight into the caller's buffer instead of copying every byte twice
// through the cache, which made the metrics pass ~20% slower.
constexpr size_t kCompressedChunkCacheBytes = 4u << 20;
constexpr size_t kChunkCacheSlots = 12421;

void require_readable_hdf5(const std::string& path) {
    const Where where{path, ""};
    std::error_code error;
    if (!std::filesystem::exists(path, error)) throw Hdf5Error(path, "", "no such file");
    if (std::filesystem::is_directory(path, error))
        throw Hdf5Error(path, "", "is a directory, not an HDF5 file");
    // Opening a FIFO or a device could block forever or read without end.
    if (!std::filesystem::is_regular_file(path, error))
        throw Hdf5Error(path, "", "is not a regular file (a FIFO, device or socket?)");
    if (std::filesystem::file_size(path, error) == 0)
        throw Hdf5Error(path, "", "not an HDF5 file (the file is empty)");
    const htri_t is_hdf5 = H5Fis_hdf5(path.c_str());
    if (is_hdf5 < 0) throw_error(where, "cannot read the file");
    if (is_hdf5 == 0) throw Hdf5Error(path, "", "not an HDF5 file (no HDF5 signature found)");
}

// The likely cause in the user's words; the HDF5 stack that follows it has the details.
std::string open_failure_reason(const std::string& stack) {
    // Files on disk are checked for the signature first; images in memory only here.
    if (stack.find("file signature not found") != std::string::npos)
        return "not an HDF5 file (no HDF5 signature found)";
    if (stack.find("truncated") != std::string::npos)
        return "cannot open: the file is truncated or damaged";
    if (stack.find("superblock") != std::string::npos)
        return "cannot open: the file's superblock is damaged";
    // "unable to lock the file" or "Unable to lock file"; a bare "lock" matches "superblock".
    if (stack.find("lock the file") != std::string::npos ||
        stack.find("lock file") != std::string::npos)
        return "cannot open: another program holds a lock on the file (is it still being "
               "written?); HDF5_USE_FILE_LOCKING=FALSE reads it anyway";
    return "cannot open the file";
}

H5O_type_t object_type(hid_t location, const std::string& path, const Where& where) {
    if (!object_exists(location, path, where)) return H5O_TYPE_UNKNOWN;
    H5O_info_t info;
    check_status(H5Oget_info_by_name2(location, path.c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT),
                 {where.file, path}, "cannot inspect object");
    return info.type;
}

herr_t collect_member(hid_t, const char* name, const H5L_info_t*, void* data) {
    static_cast<std::vector<std::string>*>(data)->push_back(name);
    return 0;
}

}  // namespace

Dataset open_dataset_with_chunk_cache(hid_t location, const std::string& path, const Where& here,
                                      size_t cache_bytes) {
    PropertyList access(check_id(H5Pcreate(H5P_DATASET_ACCESS), here, "cannot create plist"));
    check_status(
        H5Pset_chunk_cache(access.id(), kChunkCacheSlots, cache_bytes, H5D_CHUNK_CACHE_W0_DEFAULT),
        here, "cannot set the chunk cache");
    Dataset dataset(
        check_id(H5Dopen2(location, path.c_str(), access.id()), here, "cannot open dataset"));
    require_compact_values_complete(dataset, here);
    return dataset;
}

namespace {

bool has_filters(const Dataset& dataset, const Where& here) {
    const PropertyList creation(
        check_id(H5Dget_create_plist(dataset.id()), here, "cannot read the creation properties"));
    return check_status(H5Pget_nfilters(creation.id()), here, "cannot list filters") > 0;
}

static_assert(std::is_same_v<hid_t, std::int64_t>, "memory_file.h passes driver ids as int64");

// HDF5's core driver over a copy of the bytes, which never touches the file system, or the
// driver use_memory_file_driver chose.
PropertyList memory_file_access(const std::string& path, std::span<const std::uint8_t> bytes) {
    const Where where{path, ""};
    if (bytes.empty()) throw Hdf5Error(path, "", "not an HDF5 file (the file is empty)");
    PropertyList access(check_id(H5Pcreate(H5P_FILE_ACCESS), where, "cannot create plist"));
    if (const std::optional<std::int64_t> driver = detail::memory_file_driver()) {
        check_status(H5Pset_driver(access.id(), *driver, nullptr), where,
                     "cannot use the in-memory driver");
        return access;
    }
    check_status(H5Pset_fapl_core(access.id(), 64 * 1024, false), where,
                 "cannot use the in-memory driver");
    check_status(
        H5Pset_file_image(access.id(), const_cast<std::uint8_t*>(bytes.data()), bytes.size()),
        where, "cannot hand over the file's bytes");
    return access;
}

}  // namespace

File open_file_read_only(const std::string& path) {
    silence_error_printing();
    const std::optional<std::span<const std::uint8_t>> in_memory = detail::memory_file_bytes(path);
    std::optional<PropertyList> access;
    if (in_memory)
        access = memory_file_access(path, *in_memory);
    else
        require_readable_hdf5(path);
    announce({path, ""}, "opening the file");
    const hid_t id = H5Fopen(path.c_str(), H5F_ACC_RDONLY, access ? access->id() : H5P_DEFAULT);
    if (id < 0) {
        const std::string stack = take_error_stack_text();
        throw Hdf5Error(path, "", open_failure_reason(stack) + " [HDF5: " + stack + "]");
    }
    return File(id);
}

bool object_exists(hid_t location, const std::string& path, const Where& where) {
    std::string prefix = path.starts_with('/') ? "/" : "";
    size_t start = prefix.size();
    while (start <= path.size()) {
        const size_t end = std::min(path.find('/', start), path.size());
        if (end > start) {
            prefix +=
                (prefix.empty() || prefix == "/" ? "" : "/") + path.substr(start, end - start);
            announce({where.file, prefix}, "looking it up");
            const htri_t exists = H5Lexists(location, prefix.c_str(), H5P_DEFAULT);
            check_status(exists, {where.file, prefix}, "cannot look up link");
            if (exists == 0) return false;
            require_not_external_link(location, prefix, where);
            const htri_t resolves = H5Oexists_by_name(location, prefix.c_str(), H5P_DEFAULT);
            if (resolves <= 0) {
                take_error_stack_text();  // A dangling soft or external link is just absent.
                return false;
            }
        }
        start = end + 1;
    }
    return true;
}

bool is_group(hid_t location, const std::string& path, const Where& where) {
    return object_type(location, path, where) == H5O_TYPE_GROUP;
}

bool is_dataset(hid_t location, const std::string& path, const Where& where) {
    return object_type(location, path, where) == H5O_TYPE_DATASET;
}

Group open_group(hid_t location, const std::string& path, const Where& where) {
    announce({where.file, path}, "opening it");
    return Group(check_id(H5Gopen2(location, path.c_str(), H5P_DEFAULT), {where.file, path},
                          "cannot open group"));
}

Dataset open_dataset(hid_t location, const std::string& path, const Where& where) {
    const Where here{where.file, path};
    announce(here, "opening it");
    Dataset uncached = open_dataset_with_chunk_cache(location, path, here, 0);
    if (!has_filters(uncached, here)) return uncached;
    return open_dataset_with_chunk_cache(location, path, here, kCompressedChunkCacheBytes);
}

void require_decodable_links(hid_t group, const Where& where) {
    const htri_t found = H5Lexists(group, "\x01lngeom: no link has this name", H5P_DEFAULT);
    check_status(found, where, "has a damaged link message");
}

std::vector<std::string> member_names(hid_t group, const Where& where) {
    announce(where, "listing its members");
    require_decodable_links(group, where);
    std::vector<std::string> names;
    hsize_t index = 0;
    check_status(H5Literate(group, H5_INDEX_NAME, H5_ITER_INC, &index, collect_member, &names),
                 where, "cannot list the group's members");
    return names;
}

}  // namespace lngeom::hdf5
