#include "core/tokens/token_sort.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <new>
#include <vector>

#include "core/errors.h"
#include "core/io/read_limits.h"

namespace lngeom {

namespace {

constexpr std::uint32_t kLastKey = std::numeric_limits<std::uint32_t>::max();
// Buckets this small are finished by insertion sort: cheaper than another radix pass.
constexpr std::size_t kInsertionSortWords = 48;

void insertion_sort(std::span<std::uint64_t> words) {
    for (std::size_t i = 1; i < words.size(); ++i) {
        const std::uint64_t word = words[i];
        std::size_t j = i;
        for (; j > 0 && words[j - 1] > word; --j) words[j] = words[j - 1];
        words[j] = word;
    }
}

// American flag sort: count the byte's values, then swap every word into its bucket in place,
// then sort each bucket on the next byte. A byte that every word shares costs one counting pass.
void radix_sort(std::span<std::uint64_t> words, int byte) {
    if (words.size() <= kInsertionSortWords) return insertion_sort(words);
    const int shift = byte * 8;
    std::array<std::size_t, 257> start{};
    for (std::uint64_t word : words) ++start[((word >> shift) & 0xff) + 1];
    const bool one_bucket = std::find(start.begin() + 1, start.end(), words.size()) != start.end();
    if (!one_bucket) {
        for (int b = 0; b < 256; ++b) start[b + 1] += start[b];
        std::array<std::size_t, 256> next;
        std::copy(start.begin(), start.end() - 1, next.begin());
        for (int b = 0; b < 256; ++b)
            while (next[b] < start[b + 1]) {
                std::uint64_t word = words[next[b]];
                for (int target = int((word >> shift) & 0xff); target != b;
                     target = int((word >> shift) & 0xff))
                    std::swap(word, words[next[target]++]);
                words[next[b]++] = word;
            }
    }
    if (byte == 0) return;
    if (one_bucket) return radix_sort(words, byte - 1);
    for (int b = 0; b < 256; ++b)
        if (start[b + 1] - start[b] > 1)
            radix_sort(words.subspan(start[b], start[b + 1] - start[b]), byte - 1);
}

std::uint64_t* allocate_words(std::size_t n) {
    auto* words = static_cast<std::uint64_t*>(std::malloc(std::max<std::size_t>(n, 1) * 8));
    if (!words) throw std::bad_alloc();
    return words;
}

// Keeps the low 32 bits of each word in the first half of the same memory, then shrinks it.
// Word i's bytes start at 8i and its token goes to 4i ≤ 8i: never over a word not yet read.
TokenBuffer narrow_to_tokens(std::uint64_t* words, std::size_t n) {
    auto* bytes = reinterpret_cast<unsigned char*>(words);
    for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t word;
        std::memcpy(&word, bytes + 8 * i, 8);
        const auto token = std::uint32_t(word);
        std::memcpy(bytes + 4 * i, &token, 4);
    }
    void* shrunk = std::realloc(words, std::max<std::size_t>(n, 1) * 4);
    return TokenBuffer(static_cast<std::uint32_t*>(shrunk ? shrunk : words));
}

}  // namespace

std::uint32_t float_sort_key(float value, bool descending) {
    if (std::isnan(value)) return kLastKey;
    if (value == 0.0f) value = 0.0f;  // −0 and +0 are equal
    const auto bits = std::bit_cast<std::uint32_t>(value);
    const std::uint32_t key = (bits & 0x80000000u) ? ~bits : bits | 0x80000000u;
    // Ascending keys of finite values stay below kLastKey; descending ones below it too, since
    // ~key reaches kLastKey only for key 0, which is a NaN's pattern.
    return descending ? ~key : key;
}

std::uint32_t integer_sort_key(std::int32_t value, bool descending) {
    const std::uint32_t key = std::uint32_t(value) ^ 0x80000000u;
    return descending ? ~key : key;
}

void sort_words(std::span<std::uint64_t> words) { radix_sort(words, 7); }

void require_sort_within_budget(Index rows, std::size_t budget_bytes, const std::string& what) {
    const double needed = double(rows) * sizeof(std::uint64_t);
    if (needed <= double(budget_bytes) / 2) return;
    throw RequestError(what, "",
                       "sorting " + std::to_string(rows) + " rows needs " +
                           detail::byte_text(needed) + ", more than half the memory budget of " +
                           detail::byte_text(double(budget_bytes)) +
                           "; raise the budget (--memory-budget, or Settings in the app)");
}

TokenRows sort_rows(const TokenRows& rows, Index n_tokens, Index block_rows,
                    const SortKeyReader& keys, const std::string& what,
                    const std::atomic<bool>* cancel) {
    const Index n = rows.size();
    if (n > Index(kLastKey))
        throw RequestError(what, "",
                           "has " + std::to_string(n) + " rows; a table sorts at most 4294967295");
    std::uint64_t* words = allocate_words(std::size_t(n));
    try {
        std::vector<std::uint32_t> block;
        const Index step = std::max<Index>(block_rows, 1);
        for (Index row = 0; row < n;) {
            if (cancel && cancel->load()) throw CancelledError(what, "", "sorting was cancelled");
            const Index first = rows.token_at(row) / step * step;
            block.resize(std::size_t(std::min(step, n_tokens - first)));
            keys(first, block);
            for (; row < n && rows.token_at(row) < first + step; ++row) {
                const Index token = rows.token_at(row);
                words[row] =
                    std::uint64_t(block[std::size_t(token - first)]) << 32 | std::uint64_t(token);
            }
        }
        sort_words(std::span<std::uint64_t>(words, std::size_t(n)));
    } catch (...) {
        std::free(words);
        throw;
    }
    return TokenRows::adopt(narrow_to_tokens(words, std::size_t(n)), n);
}

}  // namespace lngeom
