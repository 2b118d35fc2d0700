#include "core/io/token_labels.h"

namespace lngeom {

TokenLabels read_token_labels(const Dump& dump, Index first, Index count) {
    const DumpInfo& info = dump.info();
    TokenLabels labels;
    if (count <= 0) return labels;
    if (info.has_tokens) labels.text = dump.read_tokens(first, count);
    if (info.has_sequence) labels.sequence = dump.read_sequence(first, count);
    if (info.has_position) labels.position = dump.read_position(first, count);
    return labels;
}

namespace {

// Tokens this close together are read as one range.
constexpr Index kLabelWindow = 4096;

template <typename T>
void pick(const std::vector<T>& window, Index first, std::span<const Index> tokens,
          std::vector<T>& out) {
    if (window.empty()) return;
    for (Index token : tokens) out.push_back(window[std::size_t(token - first)]);
}

}  // namespace

TokenLabels gather_token_labels(const Dump& dump, std::span<const Index> tokens) {
    TokenLabels labels;
    std::size_t next = 0;
    while (next < tokens.size()) {
        const Index first = tokens[next];
        std::size_t end = next + 1;
        while (end < tokens.size() && tokens[end] - first < kLabelWindow) ++end;
        const TokenLabels window = read_token_labels(dump, first, tokens[end - 1] - first + 1);
        const auto part = tokens.subspan(next, end - next);
        pick(window.text, first, part, labels.text);
        pick(window.sequence, first, part, labels.sequence);
        pick(window.position, first, part, labels.position);
        next = end;
    }
    return labels;
}

}  // namespace lngeom
