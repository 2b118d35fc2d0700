#pragma once
// The streaming pass: every site's per-token metrics and their mergeable state (core/state/),
// in one read of the dump. Reads are serialized (HDF5 serializes its calls anyway): while one
// thread reads a row block the others compute theirs; each thread owns one block buffer and one
// partial state per site in flight, merged when the site completes, which bounds the memory.

#include <Eigen/Core>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/row_shard.h"
#include "core/metrics/site_summary.h"

namespace lngeom {

class SiteState;  // core/state/site_state.h

struct PassOptions {
    // Bounds the block buffers and the states of the sites in flight.
    std::size_t memory_budget_bytes = std::size_t(512) << 20;
    // The rows of every site to read (all of them by default); see row_shard.h.
    RowShard shard;
    // Threads that each read a block (one at a time) and compute it; 1 = the calling thread only.
    int threads = 2;
    // Rows done (over all sites) and the total, after each block; called from a worker thread.
    std::function<void(Index rows_done, Index rows_total)> progress;
    // Checked between blocks; when set, the pass stops and throws CancelledError.
    const std::atomic<bool>* cancel = nullptr;
};

// Receives the per-token values as the pass computes them: every block (rows first_row …,
// values n_rows × the site's metric count in site_metrics() order, each row's InvalidReason
// flags), from the computing threads, concurrently and in any order; then each site's summary
// once it is complete (those calls never overlap). The pass keeps no site's columns itself.
struct PassSink {
    std::function<void(SiteIndex site, Index first_row, const RowMatrixD& values,
                       std::span<const std::uint8_t> flags)>
        block;
    std::function<void(SiteIndex site, const SiteSummary&)> site_done;
};

// Runs the pass over every site of `dump`: the summaries of its states; `sink`'s functions,
// where set, receive its per-token values (all rows only: RequestError for a shard).
// RequestError before any read when the dump does not fit the memory budget (pass_budget.h).
std::vector<SiteSummary> run_metrics_pass(const Dump& dump, const PassOptions& options,
                                          const PassSink& sink = {});

// Runs the pass over the shard's rows of every site and returns every site's state, without
// per-token columns: what `lngeom stats --state` writes and MPI ranks merge. Callers include
// core/state/site_state.h.
std::vector<SiteState> run_statistics_pass(const Dump& dump, const PassOptions& options);

// The rows of `site` that `shard` reads: split at the dataset's chunk rows.
RowRange pass_rows(const Dump& dump, SiteIndex site, RowShard shard);

// The block size the pass reads for `options`, in bytes per stream.
std::size_t pass_block_bytes(const PassOptions& options);

}  // namespace lngeom
