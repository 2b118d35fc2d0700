#include "core/io/half_float.h"

#include <array>

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

}  // namespace

void widen_float16(const std::uint16_t* bits, float* out, std::size_t count) {
    const float* table = float16_table().data();
    for (std::size_t i = 0; i < count; ++i) out[i] = table[bits[i]];
}

}  // namespace lngeom
