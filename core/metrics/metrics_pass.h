#pragma once
// The streaming pass: every site's per-token metrics and their summaries, in one read of the
// dump. Reads are serialized (HDF5 serializes its calls anyway): while one thread reads a row
// block the others compute theirs; each thread owns one block buffer, which bounds the memory.

#include <Eigen/Core>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/statistics.h"

namespace lngeom {

struct PassOptions {
    // Bounds the block buffers and the columns of the sites in flight.
    std::size_t memory_budget_bytes = std::size_t(512) << 20;
    // Threads that each read a block (one at a time) and compute it; 1 = the calling thread only.
    int threads = 2;
    // Rows done (over all sites) and the total, after each block; called from a worker thread.
    std::function<void(Index rows_done, Index rows_total)> progress;
    // Checked between blocks; when set, the pass stops and throws CancelledError.
    const std::atomic<bool>* cancel = nullptr;
};

// Counts and per-metric summaries of one site.
struct SiteSummary {
    Index n_tokens = 0;
    Index n_invalid = 0;  // tokens with an input reason below: NaN in every metric
    Index n_non_finite = 0;
    Index n_zero = 0;
    Index n_constant = 0;          // zero vectors included
    Index n_invalid_output = 0;    // valid input, non-finite or zero output: output metrics NaN
    std::vector<Summary> metrics;  // one per column, in site_metrics() order
};

// The per-token values of one site: n_tokens × n_metrics (column-major, so each metric's values
// are contiguous) and each token's InvalidReason bits (n_tokens).
struct SiteColumns {
    Eigen::MatrixXf values;
    std::vector<std::uint8_t> flags;
};

// Receives each site once it is complete. Sites may complete out of order; calls never overlap.
using SiteSink = std::function<void(SiteIndex site, const SiteSummary&, SiteColumns&&)>;

// Runs the pass over every site of `dump`; `sink`, if given, receives each site's columns.
// RequestError before any read when the dump does not fit the memory budget (pass_budget.h).
std::vector<SiteSummary> run_metrics_pass(const Dump& dump, const PassOptions& options,
                                          const SiteSink& sink = {});

// The block size the pass reads for `options`, in bytes per stream.
std::size_t pass_block_bytes(const PassOptions& options);

}  // namespace lngeom
