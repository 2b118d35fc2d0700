#pragma once
// Internal to the core: one float dataset of vectors, (n_tokens, d) or (n_layers, n_tokens, d),
// validated once when opened and read in row blocks afterwards.

#include <string>
#include <vector>

#include "core/io/dump.h"
#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::detail {

struct FloatDataset {
    hdf5::Dataset dataset;
    hdf5::Where where;  // the file and this dataset's path
    StoredType type = StoredType::Float32;
    std::vector<hsize_t> shape;
    std::vector<hsize_t> chunk;  // empty when contiguous
    // The shard files a virtual dataset's values come from; empty for one stored in its file.
    std::vector<std::string> shard_files;
};

// Opens `path` and checks it holds floats this reader converts, with filters that are
// available; the rank is the caller's to check. FormatError otherwise.
FloatDataset open_float_dataset(const hdf5::File& file, const hdf5::Where& where,
                                const std::string& path);

// FormatError unless the dataset has one of `ranks`; `expected` describes them for the message.
void require_rank(const FloatDataset& data, const std::vector<size_t>& ranks,
                  const std::string& expected);
// FormatError when d (the last extent) is 0 or 1: the geometry needs d ≥ 2.
void require_useful_width(const FloatDataset& data);

std::string shape_text(const std::vector<hsize_t>& shape);

// Rows [first, first + count) of the token axis into `out` (count × d); for a rank-3 dataset,
// of the layer `slice`. The range must already be checked.
void read_float_rows(const FloatDataset& data, hsize_t slice, Index first, Index count,
                     RowBlock& out);
// A rank-1 dataset of d values, widened to double.
Eigen::VectorXd read_float_vector(const FloatDataset& data);

}  // namespace lngeom::detail
