#pragma once
// Internal to the core: what an open Dump holds, built by the native or the generic layout.

#include <optional>
#include <string>
#include <vector>

#include "core/io/dump.h"
#include "core/io/float_dataset.h"
#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::detail {

struct SiteSource {
    FloatDataset input;
    std::optional<FloatDataset> output;
    std::optional<FloatDataset> gamma;
    std::optional<FloatDataset> beta;
    hsize_t slice = 0;  // the layer index inside a rank-3 generic dataset
};

struct DumpContents {
    hdf5::File file;
    DumpInfo info;
    std::vector<SiteSource> sites;
};

// True when the root says format = "lngeom-activations".
bool has_native_marker(const hdf5::File& file, const std::string& path);
DumpContents open_native_layout(hdf5::File file, const std::string& path);

// One (n_tokens, d) dataset, or one site per layer of an (n_layers, n_tokens, d) dataset.
DumpContents open_generic_layout(hdf5::File file, const std::string& path,
                                 const std::string& dataset);
// Float datasets of rank 2 or 3 anywhere in the file, in path order.
std::vector<DatasetCandidate> find_candidates(const hdf5::File& file, const std::string& path);

}  // namespace lngeom::detail
