#include "core/tokens/token_rows.h"

#include <algorithm>
#include <new>

namespace lngeom {

TokenRows TokenRows::all(Index n_tokens) {
    TokenRows rows;
    rows.size_ = std::max<Index>(n_tokens, 0);
    return rows;
}

TokenRows TokenRows::of(std::span<const std::uint32_t> tokens) {
    TokenBuffer buffer(static_cast<std::uint32_t*>(
        std::malloc(std::max<std::size_t>(tokens.size(), 1) * sizeof(std::uint32_t))));
    if (!buffer) throw std::bad_alloc();
    std::copy(tokens.begin(), tokens.end(), buffer.get());
    return adopt(std::move(buffer), Index(tokens.size()));
}

TokenRows TokenRows::adopt(TokenBuffer tokens, Index size) {
    TokenRows rows;
    rows.tokens_ = std::move(tokens);
    rows.size_ = size;
    return rows;
}

void TokenRowsBuilder::grow() {
    const std::size_t capacity = std::max<std::size_t>(capacity_ * 2, 4096);
    void* grown = std::realloc(tokens_.get(), capacity * sizeof(std::uint32_t));
    if (!grown) throw std::bad_alloc();
    tokens_.release();
    tokens_.reset(static_cast<std::uint32_t*>(grown));
    capacity_ = capacity;
}

TokenRows TokenRowsBuilder::finish() {
    if (tokens_ && size_ < capacity_) {
        void* shrunk = std::realloc(tokens_.get(), std::max<std::size_t>(size_, 1) * 4);
        if (shrunk) {
            tokens_.release();
            tokens_.reset(static_cast<std::uint32_t*>(shrunk));
        }
    }
    if (!tokens_) grow();
    const auto size = Index(size_);
    size_ = capacity_ = 0;
    return TokenRows::adopt(std::move(tokens_), size);
}

std::vector<std::int64_t> TokenRows::rows_of(const TokenSet& tokens, std::size_t limit) const {
    std::vector<std::int64_t> rows;
    if (!tokens_) {
        for (Index token : tokens.first_tokens(limit))
            if (token < size_) rows.push_back(token);
        return rows;
    }
    for (Index row = 0; row < size_ && rows.size() < limit; ++row)
        if (tokens.contains(Index(tokens_[std::size_t(row)]))) rows.push_back(row);
    return rows;
}

}  // namespace lngeom
