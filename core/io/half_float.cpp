#include "core/io/half_float.h"

#include <array>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "core/cpu_features.h"

namespace lngeom {

namespace {

using Float16Table = std::array<float, 65536>;

const Float16Table& float16_table() {
    static const Float16Table table = [] {
        Float16Table values{};
        for (std::uint32_t bits = 0; bits < values.size(); ++bits)
            values[bits] = float16_to_float(std::uint16_t(bits));
        return values;
    }();
    return table;
}

void widen_float16_by_table(const std::uint16_t* bits, float* out, std::size_t count) {
    const float* table = float16_table().data();
    for (std::size_t i = 0; i < count; ++i) out[i] = table[bits[i]];
}

#if defined(__x86_64__)
// The table's 256 KiB do not stay in L1, so its lookups dominated `lngeom stats` on float16
// dumps; F16C widens 8 values per instruction. Not in the x86-64 baseline, hence the run-time
// check: every x86-64 CPU since 2012 has it.
[[gnu::target("avx,f16c")]] void widen_float16_by_f16c(const std::uint16_t* bits, float* out,
                                                       std::size_t count) {
    std::size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        const __m128i half = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bits + i));
        _mm256_storeu_ps(out + i, _mm256_cvtph_ps(half));
    }
    widen_float16_by_table(bits + i, out + i, count - i);
}
#endif

}  // namespace

void widen_float16(const std::uint16_t* bits, float* out, std::size_t count) {
#if defined(__x86_64__)
    if (cpu_has_f16c()) return widen_float16_by_f16c(bits, out, count);
#endif
    widen_float16_by_table(bits, out, count);
}

}  // namespace lngeom
