#include "core/tokens/token_set.h"

#include <algorithm>
#include <stdexcept>

namespace lngeom {

TokenSet::TokenSet(Index n_tokens)
    : words_(std::size_t((std::max<Index>(n_tokens, 0) + 63) / 64), 0),
      universe_(std::max<Index>(n_tokens, 0)) {}

TokenSet TokenSet::all(Index n_tokens) {
    TokenSet set(n_tokens);
    std::fill(set.words_.begin(), set.words_.end(), ~std::uint64_t(0));
    if (set.universe_ % 64 != 0 && !set.words_.empty())
        set.words_.back() = ~std::uint64_t(0) >> (64 - set.universe_ % 64);
    set.count_ = set.universe_;
    return set;
}

TokenSet TokenSet::of(Index n_tokens, std::span<const Index> tokens) {
    TokenSet set(n_tokens);
    for (Index token : tokens) set.insert(token);
    return set;
}

void TokenSet::insert(Index token) {
    if (token < 0 || token >= universe_) return;
    std::uint64_t& word = words_[std::size_t(token >> 6)];
    const std::uint64_t bit = std::uint64_t(1) << (token & 63);
    count_ += (word & bit) == 0;
    word |= bit;
}

void TokenSet::merge(const TokenSet& other) {
    if (other.universe_ != universe_)
        throw std::invalid_argument("token sets of different sites cannot be merged");
    count_ = 0;
    for (std::size_t w = 0; w < words_.size(); ++w) {
        words_[w] |= other.words_[w];
        count_ += std::popcount(words_[w]);
    }
}

Index TokenSet::count_in(Index first, Index last) const {
    Index count = 0;
    for_each(first, last, [&count](Index) { ++count; });
    return count;
}

bool TokenSet::any_in(Index first, Index last) const {
    bool found = false;
    first = std::max<Index>(first, 0);
    last = std::min(last, universe_);
    // Whole words at once: a block of 256K rows is 4096 words.
    for (Index token = first; token < last && !found;) {
        if ((token & 63) == 0 && last - token >= 64) {
            found = words_[std::size_t(token >> 6)] != 0;
            token += 64;
        } else {
            found = contains(token);
            ++token;
        }
    }
    return found;
}

std::vector<Index> TokenSet::first_tokens(std::size_t limit) const {
    std::vector<Index> tokens;
    tokens.reserve(std::min<std::size_t>(limit, std::size_t(count_)));
    for (Index word = 0; word < Index(words_.size()) && tokens.size() < limit; ++word)
        for (std::uint64_t bits = words_[std::size_t(word)]; bits && tokens.size() < limit;
             bits &= bits - 1)
            tokens.push_back(word * 64 + std::countr_zero(bits));
    return tokens;
}

}  // namespace lngeom
