#include "core/metrics/token_metrics.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>
#include <type_traits>

#include "core/cpu_features.h"
#include "core/metrics/row_kernels.h"

namespace lngeom {

namespace {

using namespace kernels;

// The rows of input_metrics, inlined into a baseline and an AVX2 build: there the four lanes of
// each sum are one register. Both run the same IEEE operations in the same order (AVX2 alone
// enables no FMA contraction), so they give the same bits.
template <typename V, typename Scalar>
[[gnu::always_inline]] inline void input_rows(const Scalar* x, Index rows, Index d, Index stride,
                                              double eps, double* values, Index columns,
                                              std::uint8_t* flags) {
    for (Index row = 0; row < rows; ++row) {
        double* out = values + row * columns;
        flags[row] = input_row<V>(x + row * stride, d, eps, out);
        if (flags[row])
            for (Index m = kInputMetricCount; m < columns; ++m) out[m] = kNaN;
    }
}

template <typename V, typename InScalar, typename OutScalar>
[[gnu::always_inline]] inline void output_rows(const InScalar* x, Index x_stride,
                                               const OutScalar* y, Index y_stride, Index rows,
                                               Index d, double* values, Index columns,
                                               std::uint8_t* flags) {
    for (Index row = 0; row < rows; ++row)
        if (!(flags[row] & kInputInvalidMask))
            flags[row] |=
                output_row<V>(x + row * x_stride, y + row * y_stride, d, values + row * columns);
}

#if defined(__x86_64__)
template <typename Scalar>
[[gnu::target("avx2")]] void input_rows_avx2(const Scalar* x, Index rows, Index d, Index stride,
                                             double eps, double* values, Index columns,
                                             std::uint8_t* flags) {
    input_rows<Doubles4>(x, rows, d, stride, eps, values, columns, flags);
}

template <typename InScalar, typename OutScalar>
[[gnu::target("avx2")]] void output_rows_avx2(const InScalar* x, Index x_stride, const OutScalar* y,
                                              Index y_stride, Index rows, Index d, double* values,
                                              Index columns, std::uint8_t* flags) {
    output_rows<Doubles4>(x, x_stride, y, y_stride, rows, d, values, columns, flags);
}

#endif

}  // namespace

template <typename Scalar>
void input_metrics(const Eigen::Ref<const RowMatrix<Scalar>>& input, double eps,
                   Eigen::Ref<RowMatrixD> values, std::span<std::uint8_t> flags) {
#if defined(__x86_64__)
    if (cpu_has_avx2())
        return input_rows_avx2(input.data(), input.rows(), input.cols(), input.outerStride(), eps,
                               values.data(), values.outerStride(), flags.data());
#endif
    input_rows<Doubles2>(input.data(), input.rows(), input.cols(), input.outerStride(), eps,
                         values.data(), values.outerStride(), flags.data());
}

template <typename InScalar, typename OutScalar>
void output_metrics(const Eigen::Ref<const RowMatrix<InScalar>>& input,
                    const Eigen::Ref<const RowMatrix<OutScalar>>& output,
                    Eigen::Ref<RowMatrixD> values, std::span<std::uint8_t> flags) {
#if defined(__x86_64__)
    if (cpu_has_avx2())
        return output_rows_avx2(input.data(), input.outerStride(), output.data(),
                                output.outerStride(), input.rows(), input.cols(), values.data(),
                                values.outerStride(), flags.data());
#endif
    output_rows<Doubles2>(input.data(), input.outerStride(), output.data(), output.outerStride(),
                          input.rows(), input.cols(), values.data(), values.outerStride(),
                          flags.data());
}

void token_metrics(const RowBlock& input, const RowBlock* output, double eps, RowMatrixD& values,
                   std::vector<std::uint8_t>& flags) {
    const Index n_rows = input.n_rows();
    values.resize(n_rows, metric_count(output != nullptr));
    flags.assign(size_t(n_rows), 0);
    std::visit(
        [&](const auto& x) {
            input_metrics<typename std::decay_t<decltype(x)>::Scalar>(x, eps, values, flags);
        },
        input.rows);
    if (!output) return;
    std::visit(
        [&](const auto& x, const auto& y) {
            output_metrics<typename std::decay_t<decltype(x)>::Scalar,
                           typename std::decay_t<decltype(y)>::Scalar>(x, y, values, flags);
        },
        input.rows, output->rows);
}

template void input_metrics<float>(const Eigen::Ref<const RowMatrixF>&, double,
                                   Eigen::Ref<RowMatrixD>, std::span<std::uint8_t>);
template void input_metrics<double>(const Eigen::Ref<const RowMatrixD>&, double,
                                    Eigen::Ref<RowMatrixD>, std::span<std::uint8_t>);
template void output_metrics<float, float>(const Eigen::Ref<const RowMatrixF>&,
                                           const Eigen::Ref<const RowMatrixF>&,
                                           Eigen::Ref<RowMatrixD>, std::span<std::uint8_t>);
template void output_metrics<float, double>(const Eigen::Ref<const RowMatrixF>&,
                                            const Eigen::Ref<const RowMatrixD>&,
                                            Eigen::Ref<RowMatrixD>, std::span<std::uint8_t>);
template void output_metrics<double, float>(const Eigen::Ref<const RowMatrixD>&,
                                            const Eigen::Ref<const RowMatrixF>&,
                                            Eigen::Ref<RowMatrixD>, std::span<std::uint8_t>);
template void output_metrics<double, double>(const Eigen::Ref<const RowMatrixD>&,
                                             const Eigen::Ref<const RowMatrixD>&,
                                             Eigen::Ref<RowMatrixD>, std::span<std::uint8_t>);

}  // namespace lngeom
