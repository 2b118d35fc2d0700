#pragma once
// The per-token metrics as HDF5, for dumps whose CSV would be unwieldy: /sites/<key> groups
// (attributes module, layer, site) with one float32 dataset (n_tokens) per metric the site has,
// chunked and gzip-compressed, and the dump's sequence and position columns where it has them.
// Copied a block at a time; written to a temporary file and renamed, like every export.

#include <string>

#include "core/io/dump.h"
#include "core/metrics/metrics_store.h"

namespace lngeom {

// Error naming `path` when it cannot be written; Hdf5Error with HDF5's reason.
void write_token_metrics_hdf5(const std::string& path, const Dump& dump, const MetricsStore& store);

}  // namespace lngeom
