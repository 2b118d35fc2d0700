#pragma once
// Sorting a table of up to 2^32 − 1 rows in 8 bytes per row: each row becomes one 64-bit word,
// a 32-bit key that orders as the row's value (NaN last in both directions) above the token, so
// ties keep token order. The words are sorted in place by radix (most significant byte first,
// no second buffer), then narrowed to their tokens in the same memory, whose second half is
// given back: sorting 100M rows peaks at 800 MB and leaves the 400 MB of the rows.

#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <string>

#include "core/tokens/token_rows.h"

namespace lngeom {

// Keys that order as the values; NaN gets the largest key whatever the direction.
std::uint32_t float_sort_key(float value, bool descending);
std::uint32_t integer_sort_key(std::int32_t value, bool descending);

// Sorts the words ascending, in place.
void sort_words(std::span<std::uint64_t> words);

// RequestError naming `what` when sorting `rows` rows (8 bytes each at the peak) needs more than
// half of `budget_bytes`: the rest is the app's own.
void require_sort_within_budget(Index rows, std::size_t budget_bytes, const std::string& what);

// Writes the keys of tokens [first, first + keys.size()) into `keys`.
using SortKeyReader = std::function<void(Index first, std::span<std::uint32_t> keys)>;

// The tokens of `rows` (tokens of 0 … n_tokens − 1 in ascending order, as a filter leaves them)
// sorted by their keys, ties in token order. Keys are read in blocks of `block_rows` tokens,
// only where a row is. RequestError naming `what` for more than 2^32 − 1 rows; CancelledError
// once `cancel` is set.
TokenRows sort_rows(const TokenRows& rows, Index n_tokens, Index block_rows,
                    const SortKeyReader& keys, const std::string& what,
                    const std::atomic<bool>* cancel = nullptr);

}  // namespace lngeom
