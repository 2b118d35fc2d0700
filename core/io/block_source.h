#pragma once
// A stream of row blocks ("n_rows × d" each) that a computation can pass over more than once:
// from one site of a dump (read in blocks, never whole), or from a matrix already in memory.
// Iterative methods (the principal directions of projection_basis.h) take several passes.

#include <atomic>
#include <cstddef>
#include <functional>

#include "core/io/dump.h"

namespace lngeom {

using BlockVisitor = std::function<void(const RowBlock&)>;
// Calls the visitor on every block of the stream, in row order; each call is one full pass.
using BlockSource = std::function<void(const BlockVisitor&)>;

struct DumpStreamOptions {
    Index first_row = 0;
    Index max_rows = -1;  // -1: every row from first_row on
    std::size_t block_bytes = std::size_t(64) << 20;
    const std::atomic<bool>* cancel = nullptr;  // checked before each block: CancelledError
};

// Rows of one site's input or output; the dump must outlive the source.
BlockSource dump_block_source(const Dump& dump, SiteIndex site, Stream stream,
                              const DumpStreamOptions& options = {});
// The rows of `rows` (n_rows × d) in blocks of `block_rows`; `rows` must outlive the source.
BlockSource matrix_block_source(const RowMatrixD& rows, Index block_rows);

}  // namespace lngeom
