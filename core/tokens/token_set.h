#pragma once
// A set of tokens of one site as a bitmap: one bit per token, so a selection of half of 100M
// tokens takes 12.5 MB instead of 400 MB of indices, membership is O(1) and members come out
// ascending. A token is a row index, the same at every norm site.

#include <algorithm>
#include <bit>
#include <cstdint>
#include <span>
#include <vector>

#include "core/io/dump.h"

namespace lngeom {

class TokenSet {
  public:
    TokenSet() = default;
    // An empty set of tokens 0..n_tokens-1.
    explicit TokenSet(Index n_tokens);
    // Every token of 0..n_tokens-1.
    static TokenSet all(Index n_tokens);
    // The tokens of `tokens` inside 0..n_tokens-1 (others ignored, repeats once).
    static TokenSet of(Index n_tokens, std::span<const Index> tokens);

    Index universe() const { return universe_; }
    Index count() const { return count_; }
    bool empty() const { return count_ == 0; }
    bool contains(Index token) const {
        return token >= 0 && token < universe_ &&
               (words_[std::size_t(token >> 6)] >> (token & 63) & 1u) != 0;
    }

    // Adds a token of 0..universe()-1 (others ignored).
    void insert(Index token);
    // Adds every member of `other` (same universe; std::invalid_argument otherwise).
    void merge(const TokenSet& other);

    // Calls visit(token) for every member in [first, last), ascending.
    template <typename Visit>
    void for_each(Index first, Index last, Visit&& visit) const;
    template <typename Visit>
    void for_each(Visit&& visit) const {
        for_each(0, universe_, visit);
    }
    // Members in [first, last), and whether there is one.
    Index count_in(Index first, Index last) const;
    bool any_in(Index first, Index last) const;
    // The first `limit` members, ascending.
    std::vector<Index> first_tokens(std::size_t limit) const;
    std::vector<Index> to_vector() const { return first_tokens(std::size_t(count_)); }

    bool operator==(const TokenSet&) const = default;

  private:
    std::vector<std::uint64_t> words_;
    Index universe_ = 0;
    Index count_ = 0;
};

template <typename Visit>
void TokenSet::for_each(Index first, Index last, Visit&& visit) const {
    first = std::max<Index>(first, 0);
    last = std::min(last, universe_);
    if (first >= last) return;
    for (Index word = first >> 6; word <= (last - 1) >> 6; ++word) {
        std::uint64_t bits = words_[std::size_t(word)];
        if (word == first >> 6) bits &= ~std::uint64_t(0) << (first & 63);
        if (word == (last - 1) >> 6 && (last & 63) != 0)
            bits &= ~std::uint64_t(0) >> (64 - (last & 63));
        while (bits) {
            visit(word * 64 + std::countr_zero(bits));
            bits &= bits - 1;
        }
    }
}

}  // namespace lngeom
