#include "core/metrics/scanned_rows.h"

#include <type_traits>
#include <variant>

#include "core/analysis/magnitude_lanes.h"
#include "core/cpu_features.h"
#include "core/metrics/row_kernels.h"

namespace lngeom {

namespace {

using namespace kernels;

// Coordinates per step of the fused loop: two of a sum's 4-lane steps, and one (AVX2) or two
// (SSE2) steps of the scan.
constexpr Index kStep = 8;

// The sums of row x and the scan of `previous`, row `previous_row` of the block, in one loop;
// x's sums, and the previous row's largest |x| into `previous_largest`. Each sum's lanes take
// x's coordinates in the order row_sums gives them, and the scan's state does not depend on
// the order of coordinates, so both are the bits of the separate loops.
template <typename V, typename Lanes>
[[gnu::always_inline]] inline RowSums sums_and_scan(const float* x, const float* previous,
                                                    std::int32_t previous_row, Index d,
                                                    MagnitudeScan& scan, float& previous_largest) {
    static_assert(kStep % kLanes == 0 && kStep % kLanesOf<Lanes> == 0);
    SumLanes<V, false> sums = start_sums<V, false>(x, d);
    RowLanes<Lanes> row(previous_row);
    const ScanArrays arrays = arrays_of(scan);
    Index i = 0;
    for (; i + kStep <= d; i += kStep) {
        for (Index k = 0; k < kStep; k += kLanes) add_lanes(x + i + k, sums);
        for (Index k = 0; k < kStep; k += kLanesOf<Lanes>)
            scan_step(previous, std::size_t(i + k), row, arrays);
    }
    previous_largest = finish_scan(previous, std::size_t(i), previous_row, row, arrays);
    return finish_sums(x, i, d, sums);
}

// A float block for token_metrics_scanned: its rows (n_rows × d, `stride` apart), the output's
// (null when the site has none) and where the metrics, flags and scan go.
template <typename OutScalar>
struct ScannedBlock {
    const float* x;
    Index x_stride;
    const OutScalar* y;
    Index y_stride;
    Index rows, d;
    double eps;
    double* values;  // rows × columns
    Index columns;
    std::uint8_t* flags;  // rows
    MagnitudeScan& scan;
    float* largest;  // rows
};

// The last valid row, whose scan (and so its max |x|) is still to come.
struct PendingRow {
    Index row = -1;
    double squares = 0;  // its Σx², for its max |x|'s metrics
};

// The pending row's metrics from its max |x|, now that its scan gave it.
template <typename OutScalar>
[[gnu::always_inline]] inline void finish_pending(const ScannedBlock<OutScalar>& block,
                                                  PendingRow& pending) {
    put_max_abs(double(block.largest[pending.row]), pending.squares,
                block.values + pending.row * block.columns);
    pending = {};
}

// The sums of row x, without their max |x|, and the scan of the pending row if there is one.
template <typename V, typename Lanes, typename OutScalar>
[[gnu::always_inline]] inline RowSums sums_scanning(const ScannedBlock<OutScalar>& block,
                                                    const float* x, PendingRow& pending) {
    if (pending.row < 0) {
        SumLanes<V, false> lanes = start_sums<V, false>(x, block.d);
        return finish_sums(x, 0, block.d, lanes);
    }
    const RowSums sums = sums_and_scan<V, Lanes>(x, block.x + pending.row * block.x_stride,
                                                 std::int32_t(pending.row), block.d, block.scan,
                                                 block.largest[pending.row]);
    finish_pending(block, pending);
    return sums;
}

// Each row's sums (with the scan of the valid row before it), its metrics, then its output's
// while the row is still in L1; the last valid row is scanned alone. Rows are scanned in
// order, so a dimension's peak keeps the first of its rows, as scan_magnitudes does. A valid
// row's max |x| is its scan's, the value its sums would give.
template <typename V, typename Lanes, typename OutScalar>
[[gnu::always_inline]] inline void scanned_rows(const ScannedBlock<OutScalar>& block) {
    PendingRow pending;
    for (Index row = 0; row < block.rows; ++row) {
        const float* x = block.x + row * block.x_stride;
        const RowSums sums = sums_scanning<V, Lanes>(block, x, pending);
        double* out = block.values + row * block.columns;
        std::uint8_t& flags = block.flags[row];
        flags = metrics_from_sums<V>(x, block.d, block.eps, sums, out);
        if (flags) {
            for (Index m = kInputMetricCount; m < block.columns; ++m) out[m] = kNaN;
            continue;
        }
        pending = {row, sums.squares};
        if (block.y) flags |= output_row<V>(x, block.y + row * block.y_stride, block.d, out);
    }
    if (pending.row < 0) return;
    block.largest[pending.row] = scan_row<Lanes>(block.x + pending.row * block.x_stride,
                                                 std::int32_t(pending.row), block.scan);
    finish_pending(block, pending);
}

#if defined(__x86_64__)
template <typename OutScalar>
[[gnu::target("avx2")]] void scanned_rows_avx2(const ScannedBlock<OutScalar>& block) {
    scanned_rows<Doubles4, Ints8>(block);
}
#endif

template <typename OutScalar>
void scan_block(const ScannedBlock<OutScalar>& block) {
#if defined(__x86_64__)
    if (cpu_has_avx2()) return scanned_rows_avx2(block);
#endif
    scanned_rows<Doubles2, Ints4>(block);
}

}  // namespace

void token_metrics_scanned(const RowMatrixF& input, const RowBlock* output, double eps,
                           RowMatrixD& values, std::vector<std::uint8_t>& flags,
                           MagnitudeScan& scan, std::vector<float>& largest) {
    const Index n_rows = input.rows();
    values.resize(n_rows, metric_count(output != nullptr));
    flags.assign(size_t(n_rows), 0);
    largest.assign(size_t(n_rows), 0.0f);
    const auto run = [&](const auto* y, Index y_stride) {
        scan_block(ScannedBlock<std::remove_const_t<std::remove_pointer_t<decltype(y)>>>{
            input.data(), input.outerStride(), y, y_stride, n_rows, input.cols(), eps,
            values.data(), values.outerStride(), flags.data(), scan, largest.data()});
    };
    if (!output) return run(static_cast<const float*>(nullptr), 0);
    std::visit([&](const auto& y) { run(y.data(), y.outerStride()); }, output->rows);
}

}  // namespace lngeom
