// Generic layouts: one float dataset of shape (n_tokens, d) or (n_layers, n_tokens, d), as users
// save hidden states with h5py.
#include "core/errors.h"
#include "core/io/dump_contents.h"
#include "core/io/hdf5/hdf5_dataset.h"
#include "core/io/hdf5/hdf5_objects.h"
#include "core/io/hdf5/hdf5_walk.h"

namespace lngeom::detail {

namespace {

std::string site_key(SiteIndex index) {
    std::string key = std::to_string(index);
    return std::string(key.size() < 3 ? 3 - key.size() : 0, '0') + key;
}

std::optional<DatasetCandidate> as_candidate(const hdf5::File& file, const hdf5::Where& where) {
    const hdf5::Dataset dataset = hdf5::open_dataset(file.id(), where.object, where);
    const std::optional<StoredType> type = hdf5::stored_float_type(dataset, where);
    if (!type) return std::nullopt;
    const std::vector<hsize_t> shape = hdf5::dataset_shape(dataset, where);
    if (shape.size() != 2 && shape.size() != 3) return std::nullopt;
    return DatasetCandidate{where.object, std::vector<Index>(shape.begin(), shape.end()), *type};
}

void require_dataset(const hdf5::File& file, const std::string& path, const std::string& name) {
    const hdf5::Where where{path, name};
    if (hdf5::is_dataset(file.id(), name, where)) return;
    if (hdf5::is_group(file.id(), name, where))
        throw FormatError(path, name, "is a group, not a dataset; name a dataset inside it");
    throw FormatError(path, name, "no such dataset in the file");
}

// Each site owns a handle to the one open dataset (and its chunk cache): one more reference to
// it, not an H5Dopen2 and its checks per layer, which took 83 % of the 1.6 s (under ASan) that a
// fuzzed file of 27,138 layers took to open.
FloatDataset shared(const FloatDataset& data) {
    return {data.dataset.shared(data.where),
            data.where,
            data.type,
            data.shape,
            data.chunk,
            data.shard_files};
}

// Each layer of a (n_layers, n_tokens, d) dataset becomes a site with its own metadata, so a
// damaged or hostile shape could otherwise make the site list alone exhaust memory. Real models
// have a few hundred norm sites at most; validation reads every site's first and last rows, so
// the cap also bounds its time (65,528 layers of a fuzzed 12 KB file took 12 s under ASan).
constexpr size_t kMaxGenericLayers = 1024;

SiteInfo generic_site(const FloatDataset& data, SiteIndex index) {
    const bool stacked = data.shape.size() == 3;
    SiteInfo site;
    site.key = site_key(index);
    site.module =
        stacked ? data.where.object + "[" + std::to_string(index) + "]" : data.where.object;
    site.layer = stacked ? int(index) : -1;
    site.n_tokens = Index(data.shape[data.shape.size() - 2]);
    site.d = Index(data.shape.back());
    site.input_type = data.type;
    return site;
}

}  // namespace

DumpContents open_generic_layout(hdf5::File file, const std::string& path,
                                 const std::string& dataset) {
    const std::string name = dataset.starts_with('/') ? dataset : "/" + dataset;
    require_dataset(file, path, name);
    DumpContents contents{std::move(file), {}, {}};
    FloatDataset data = open_float_dataset(contents.file, {path, name}, name);
    require_rank(data, {2, 3}, "rank 2 (n_tokens, d) or rank 3 (n_layers, n_tokens, d)");
    require_useful_width(data);
    const SiteIndex n_sites = data.shape.size() == 3 ? SiteIndex(data.shape[0]) : 1;
    if (n_sites == 0) throw FormatError(path, name, "has no layers (n_layers = 0)");
    if (n_sites > kMaxGenericLayers)
        throw FormatError(path, name,
                          "declares " + std::to_string(n_sites) + " layers; lngeom opens at most " +
                              std::to_string(kMaxGenericLayers) + " (one norm site per layer)");
    contents.info.path = path;
    contents.info.layout = data.shape.size() == 3 ? Layout::Generic3D : Layout::Generic2D;
    // Up to 1,024 layers: growing the vectors by doubling moved every site's strings again and
    // again (a fifth of opening a fuzzed 27,138-layer file).
    contents.info.sites.reserve(size_t(n_sites));
    contents.sites.reserve(size_t(n_sites));
    for (SiteIndex index = 0; index < n_sites; ++index) {
        contents.info.sites.push_back(generic_site(data, index));
        contents.sites.push_back({shared(data), {}, {}, {}, hsize_t(index)});
    }
    contents.info.n_tokens = contents.info.sites.front().n_tokens;
    return contents;
}

std::vector<DatasetCandidate> find_candidates(const hdf5::File& file, const std::string& path) {
    std::vector<DatasetCandidate> candidates;
    hdf5::visit_datasets(file, {path, "/"}, [&](const std::string& name) {
        if (auto candidate = as_candidate(file, {path, name})) candidates.push_back(*candidate);
    });
    return candidates;
}

}  // namespace lngeom::detail
