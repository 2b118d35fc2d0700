#include "core/io/hdf5/hdf5_walk.h"

#include <set>
#include <vector>

#include "core/errors.h"
#include "core/io/hdf5/hdf5_activity.h"
#include "core/io/hdf5/hdf5_objects.h"

namespace lngeom::hdf5 {

namespace {

struct Link {
    std::string name;
    haddr_t address = HADDR_UNDEF;
};

herr_t collect_hard_link(hid_t, const char* name, const H5L_info_t* info, void* data) {
    if (info->type == H5L_TYPE_HARD)
        static_cast<std::vector<Link>*>(data)->push_back({name, info->u.address});
    return 0;
}

struct Walk {
    const File& file;
    const std::string& path;
    const std::function<void(const std::string&)>& visit;
    std::set<haddr_t> seen;
};

std::string child_path(const std::string& group, const std::string& name) {
    return (group == "/" ? "/" : group + "/") + name;
}

// A path of hundreds of levels in a message: its start and its depth.
std::string shortened(const std::string& path, int depth) {
    constexpr std::size_t kShown = 48;
    if (path.size() <= kShown) return path;
    return path.substr(0, kShown) + "… (" + std::to_string(depth) + " levels)";
}

std::vector<Link> hard_links(hid_t group, const Where& where) {
    announce(where, "listing its members");
    require_decodable_links(group, where);
    std::vector<Link> links;
    hsize_t index = 0;
    check_status(H5Literate(group, H5_INDEX_NAME, H5_ITER_INC, &index, collect_hard_link, &links),
                 where, "cannot list the group's members");
    return links;
}

void require_within_bounds(const Walk& walk, const std::string& path, int depth) {
    if (depth > kMaxWalkDepth) {
        throw FormatError(walk.path, shortened(path, depth),
                          "groups nest more than " + std::to_string(kMaxWalkDepth) +
                              " levels deep; lngeom looks no deeper for datasets (pass "
                              "--dataset to name one)");
    }
    if (walk.seen.size() > kMaxWalkObjects) {
        throw FormatError(walk.path, "/",
                          "holds more than " + std::to_string(kMaxWalkObjects) +
                              " objects; lngeom looks through no more for datasets (pass "
                              "--dataset to name one)");
    }
}

H5O_type_t object_type(const Walk& walk, const std::string& path) {
    announce({walk.path, path}, "inspecting it");
    H5O_info_t info;
    check_status(
        H5Oget_info_by_name2(walk.file.id(), path.c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT),
        {walk.path, path}, "cannot inspect object");
    return info.type;
}

void walk_group(Walk& walk, const std::string& path, int depth) {
    const Where here{walk.path, path};
    const Group group(
        check_id(H5Gopen2(walk.file.id(), path.c_str(), H5P_DEFAULT), here, "cannot open group"));
    for (const Link& link : hard_links(group.id(), here)) {
        if (!walk.seen.insert(link.address).second) continue;
        const std::string child = child_path(path, link.name);
        require_within_bounds(walk, child, depth + 1);
        const H5O_type_t type = object_type(walk, child);
        if (type == H5O_TYPE_DATASET) walk.visit(child);
        if (type == H5O_TYPE_GROUP) walk_group(walk, child, depth + 1);
    }
}

}  // namespace

void visit_datasets(const File& file, const Where& where,
                    const std::function<void(const std::string& path)>& visit) {
    Walk walk{file, where.file, visit, {}};
    H5O_info_t root;
    check_status(H5Oget_info_by_name2(file.id(), "/", &root, H5O_INFO_BASIC, H5P_DEFAULT), where,
                 "cannot inspect the root group");
    walk.seen.insert(root.addr);
    walk_group(walk, "/", 0);
}

}  // namespace lngeom::hdf5
