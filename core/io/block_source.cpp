#include "core/io/block_source.h"

#include <algorithm>

#include "core/errors.h"

namespace lngeom {

BlockSource dump_block_source(const Dump& dump, SiteIndex site, Stream stream,
                              const DumpStreamOptions& options) {
    const Index n_tokens = dump.info().sites.at(site).n_tokens;
    const Index first = std::clamp<Index>(options.first_row, 0, n_tokens);
    const Index end =
        options.max_rows < 0 ? n_tokens : std::min(n_tokens, first + options.max_rows);
    const Index block = dump.block_rows(site, options.block_bytes);
    return [&dump, site, stream, first, end, block,
            cancel = options.cancel](const BlockVisitor& visit) {
        RowBlock rows;
        for (Index row = first; row < end; row += block) {
            if (cancel && cancel->load())
                throw CancelledError(dump.info().path, "", "reading rows was cancelled");
            dump.read_rows(site, stream, row, std::min(block, end - row), rows);
            visit(rows);
        }
    };
}

BlockSource matrix_block_source(const RowMatrixD& rows, Index block_rows) {
    const Index block = std::max<Index>(1, block_rows);
    return [&rows, block](const BlockVisitor& visit) {
        for (Index row = 0; row < rows.rows(); row += block) {
            const Index count = std::min(block, rows.rows() - row);
            visit(RowBlock{row, RowMatrixD(rows.middleRows(row, count))});
        }
    };
}

}  // namespace lngeom
