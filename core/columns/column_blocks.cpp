#include "core/columns/column_blocks.h"

#include <algorithm>

#include "core/errors.h"

namespace lngeom {

void for_each_block(const ColumnSource& source, Metric metric, const ColumnBlockVisitor& visit,
                    const std::atomic<bool>* cancel) {
    const Index n = source.n_tokens(), step = std::max<Index>(source.block_rows(), 1);
    std::vector<float> block(std::size_t(std::min(n, step)));
    for (Index first = 0; first < n; first += step) {
        if (cancel && cancel->load())
            throw CancelledError(source.path(), std::string(describe(metric).key),
                                 "reading the column was cancelled");
        const std::span<float> values(block.data(), std::size_t(std::min(step, n - first)));
        source.read(metric, first, values);
        visit(first, values);
    }
}

// Tokens close together are read as one range (one block at most), far apart one by one.
std::vector<float> gather_values(const ColumnSource& source, Metric metric,
                                 std::span<const Index> tokens) {
    std::vector<float> values(tokens.size());
    std::vector<float> window;
    const Index step = std::max<Index>(source.block_rows(), 1);
    std::size_t next = 0;
    while (next < tokens.size()) {
        const Index first = tokens[next];
        std::size_t end = next + 1;
        while (end < tokens.size() && tokens[end] - first < step) ++end;
        window.resize(std::size_t(tokens[end - 1] - first + 1));
        source.read(metric, first, window);
        for (std::size_t i = next; i < end; ++i) values[i] = window[std::size_t(tokens[i] - first)];
        next = end;
    }
    return values;
}

float value_at(const ColumnSource& source, Metric metric, Index token) {
    float value = 0;
    source.read(metric, token, std::span<float>(&value, 1));
    return value;
}

}  // namespace lngeom
