#pragma once
// The rows a token table shows: every token in index order (no memory at all), or an explicit
// list of tokens (4 bytes per row) once it is filtered or sorted. Tokens are 32-bit here: the
// builders refuse a site of more than 2^32 − 1 tokens.

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <span>
#include <vector>

#include "core/io/dump.h"
#include "core/tokens/token_set.h"

namespace lngeom {

// Memory from malloc, so that a sort can narrow its 8-byte words to tokens in place and give
// back the other half with realloc (token_sort.h) instead of copying into a second array.
struct FreeDeleter {
    void operator()(void* memory) const { std::free(memory); }
};
using TokenBuffer = std::unique_ptr<std::uint32_t[], FreeDeleter>;

class TokenRows {
  public:
    TokenRows() = default;
    // Tokens 0 … n_tokens − 1 in order.
    static TokenRows all(Index n_tokens);
    static TokenRows of(std::span<const std::uint32_t> tokens);
    static TokenRows adopt(TokenBuffer tokens, Index size);

    Index size() const { return size_; }
    bool is_identity() const { return !tokens_; }
    Index token_at(Index row) const { return tokens_ ? Index(tokens_[std::size_t(row)]) : row; }
    // Rows of the members of `tokens` (ascending), at most `limit` of them: one pass over the
    // rows unless they are the identity.
    std::vector<std::int64_t> rows_of(const TokenSet& tokens, std::size_t limit) const;
    std::size_t bytes() const { return tokens_ ? std::size_t(size_) * sizeof(std::uint32_t) : 0; }

  private:
    TokenBuffer tokens_;
    Index size_ = 0;
};

// Appends tokens into one malloc'd buffer grown by realloc (which moves large blocks by
// remapping pages, not copying), so listing n rows never needs a second n-row array.
class TokenRowsBuilder {
  public:
    void push_back(std::uint32_t token) {
        if (size_ == capacity_) grow();
        tokens_[size_++] = token;
    }
    TokenRows finish();

  private:
    void grow();

    TokenBuffer tokens_;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

}  // namespace lngeom
