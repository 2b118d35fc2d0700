#include "core/state/massive_part.h"

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/state/site_state.h"

namespace lngeom {

namespace {

void write_counts(StateWriter& out, const MagnitudeCounts& counts) {
    out.number<std::int32_t>(counts.first_bin());
    out.numbers(counts.counts());
}

MagnitudeCounts read_counts(StateReader& in) {
    const auto first_bin = in.number<std::int32_t>();
    std::vector<std::int64_t> counts = in.numbers<std::int64_t>();
    MagnitudeCounts out;
    try {
        out.assign(first_bin, std::move(counts));
    } catch (const std::invalid_argument& error) {
        in.fail(error.what());
    }
    return out;
}

}  // namespace

void MassivePart::add(const BlockView& block) {
    if (block.scan)
        state.add_scanned(*block.scan, block.largest, block.first_row(), block.positions,
                          block.flags);
    else
        state.add(block.input, block.positions, block.flags);
}

void MassivePart::merge(const MassivePart& other) { state.merge(other.state); }

void MassivePart::write(StateWriter& out) const {
    write_counts(out, state.magnitudes());
    write_counts(out, state.token_peaks(true));
    write_counts(out, state.token_peaks(false));
    out.number<std::uint8_t>(state.has_positions() ? 1 : 0);
    out.numbers(state.peak_abs());
    out.numbers(state.peak_row());
    out.numbers(state.peak_position());
    out.numbers(state.int8_outlier_tokens());
}

void MassivePart::read(StateReader& in) {
    MagnitudeCounts magnitudes = read_counts(in);
    std::array<MagnitudeCounts, 2> token_peaks{read_counts(in), read_counts(in)};
    const bool has_positions = in.number<std::uint8_t>() != 0;
    std::vector<double> peak_abs = in.numbers<double>();
    std::vector<std::int64_t> peak_row = in.numbers<std::int64_t>();
    std::vector<std::int32_t> peak_position = in.numbers<std::int32_t>();
    std::vector<std::int64_t> int8_tokens = in.numbers<std::int64_t>();
    if (Index(peak_abs.size()) != state.d())
        in.fail("holds the peaks of " + std::to_string(peak_abs.size()) +
                " dimensions where the site has d = " + std::to_string(state.d()));
    try {
        state.assign(std::move(magnitudes), std::move(token_peaks), has_positions,
                     std::move(peak_abs), std::move(peak_row), std::move(peak_position),
                     std::move(int8_tokens));
    } catch (const std::invalid_argument& error) {
        in.fail(error.what());
    }
}

}  // namespace lngeom
