#pragma once
// Internal to the core: exact widening of IEEE binary16 and bfloat16 bit patterns to float.
// Every binary16 and bfloat16 value is exactly representable as a float, so no rounding occurs.
// A signalling binary16 NaN becomes a quiet one with the same payload, as IEEE 754 converts it
// and F16C does, so that the table and the instruction agree bit for bit.

#include <bit>
#include <cstddef>
#include <cstdint>

namespace lngeom {

inline float float16_to_float(std::uint16_t bits) {
    const std::uint32_t sign = std::uint32_t(bits & 0x8000u) << 16;
    const std::uint32_t exponent = (bits >> 10) & 0x1fu;
    const std::uint32_t mantissa = bits & 0x3ffu;
    if (exponent == 0) {
        // Zero or subnormal: mantissa × 2^-24, exact in float arithmetic.
        const float magnitude = float(mantissa) * 0x1p-24f;
        return sign ? -magnitude : magnitude;
    }
    if (exponent == 0x1fu) {
        const std::uint32_t quiet = mantissa ? 0x400000u : 0u;
        return std::bit_cast<float>(sign | 0x7f800000u | quiet | (mantissa << 13));
    }
    // Rebias the exponent from 15 to 127: (exponent + 112) << 23.
    return std::bit_cast<float>(sign | ((exponent + 112u) << 23) | (mantissa << 13));
}

// bfloat16 is the upper half of a float32.
inline float bfloat16_to_float(std::uint16_t bits) {
    return std::bit_cast<float>(std::uint32_t(bits) << 16);
}

// With F16C where the CPU has it (checked at run time), else through a table of all 65536
// values built with float16_to_float; the two agree bit for bit (test_dump_values).
void widen_float16(const std::uint16_t* bits, float* out, std::size_t count);

inline void widen_bfloat16(const std::uint16_t* bits, float* out, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) out[i] = bfloat16_to_float(bits[i]);
}

}  // namespace lngeom
