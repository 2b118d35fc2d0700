#include "core/metrics/token_metrics.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>
#include <type_traits>

#include "core/cpu_features.h"

namespace lngeom {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kDegrees = 180.0 / std::numbers::pi;
// Independent accumulators break the add dependency chain, and each sum's lanes are one vector:
// lane k adds coordinates k, k + 4, …, so no floating-point sum is reassociated and every
// instruction set gives the same bits.
constexpr Index kLanes = 4;
// GCC's generic vectors: two SSE2 registers on the x86-64 baseline, one in the AVX2 build.
using Lanes = double __attribute__((vector_size(kLanes * sizeof(double))));
using LaneBits = std::int64_t __attribute__((vector_size(kLanes * sizeof(std::int64_t))));
using FloatLanes = float __attribute__((vector_size(kLanes * sizeof(float))));
constexpr std::int64_t kMagnitudeBits = 0x7fffffffffffffff;  // std::abs clears the sign bit

// x[0 … 3] widened to double.
template <typename Scalar>
[[gnu::always_inline]] inline void load_lanes(const Scalar* x, Lanes& lanes) {
    if constexpr (std::is_same_v<Scalar, float>) {
        FloatLanes narrow;
        std::memcpy(&narrow, x, sizeof narrow);
        lanes = __builtin_convertvector(narrow, Lanes);
    } else {
        std::memcpy(&lanes, x, sizeof lanes);
    }
}

[[gnu::always_inline]] inline double lane_sum(const Lanes& lanes) {
    return (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
}

// Above this ratio of Σ(x − K)² to Σ(x − μ)², the one-pass spread has lost more than a digit
// (K more than ~4σ from the mean, e.g. a massive activation in x[0]): recompute it in a second
// pass. Rare for ordinary rows, so the second pass costs little.
constexpr double kRefineRatio = 16.0;

// Σ(x − K), Σ(x − K)², Σx² with K = x[0], and max |x|, in one pass. Shifting by a coordinate keeps
// the spread accurate when the mean dominates (θ near 0° or 180°); Σ(x − K)² = 0 exactly when every
// coordinate equals x[0], which is how σ = 0 is detected.
struct RowSums {
    double shift = 0;
    double shifted_sum = 0;
    double shifted_squares = 0;
    double squares = 0;
    double max_abs = 0;
};

template <typename Scalar>
[[gnu::always_inline]] inline RowSums row_sums(const Scalar* x, Index d) {
    const double shift = d ? double(x[0]) : 0.0;
    Lanes linear{}, spread{}, squares{}, peak{};
    Index i = 0;
    for (; i + kLanes <= d; i += kLanes) {
        Lanes v;
        load_lanes(x + i, v);
        const Lanes shifted = v - shift;
        const Lanes magnitude = Lanes(LaneBits(v) & kMagnitudeBits);
        linear += shifted;
        spread += shifted * shifted;
        squares += v * v;
        peak = peak < magnitude ? magnitude : peak;  // std::max(peak, |v|), NaN included
    }
    for (; i < d; ++i) {
        const double v = x[i], shifted = v - shift;
        linear[0] += shifted;
        spread[0] += shifted * shifted;
        squares[0] += v * v;
        peak[0] = std::max(peak[0], std::abs(v));
    }
    return {shift, lane_sum(linear), lane_sum(spread), lane_sum(squares),
            std::max(std::max(peak[0], peak[1]), std::max(peak[2], peak[3]))};
}

template <typename Scalar>
[[gnu::always_inline]] inline double sum_of_squares(const Scalar* x, Index d) {
    Lanes squares{};
    Index i = 0;
    for (; i + kLanes <= d; i += kLanes) {
        Lanes v;
        load_lanes(x + i, v);
        squares += v * v;
    }
    for (; i < d; ++i) squares[0] += double(x[i]) * double(x[i]);
    return lane_sum(squares);
}

// The corrected two-pass sum Σ(x − μ)² − (Σ(x − μ))²/d, for rows the one-pass spread cannot
// resolve.
template <typename Scalar>
[[gnu::always_inline]] inline double squared_deviations(const Scalar* x, Index d, double mean) {
    Lanes linear{}, squares{};
    Index i = 0;
    for (; i + kLanes <= d; i += kLanes) {
        Lanes deviation;
        load_lanes(x + i, deviation);
        deviation -= mean;
        linear += deviation;
        squares += deviation * deviation;
    }
    for (; i < d; ++i) {
        const double deviation = double(x[i]) - mean;
        linear[0] += deviation;
        squares[0] += deviation * deviation;
    }
    const double total_linear = lane_sum(linear);
    return lane_sum(squares) - total_linear * total_linear / double(d);
}

std::uint8_t invalid_reasons(const RowSums& sums) {
    if (!std::isfinite(sums.shifted_sum + sums.shifted_squares + sums.squares)) return kNonFinite;
    if (sums.squares == 0) return kZeroVector | kConstant;
    if (sums.shifted_squares == 0) return kConstant;
    return 0;
}

template <typename Scalar>
[[gnu::always_inline]] inline std::uint8_t input_row(const Scalar* x, Index d, double eps,
                                                     double* out) {
    const RowSums sums = row_sums(x, d);
    if (const std::uint8_t reasons = invalid_reasons(sums)) {
        for (int m = 0; m < kInputMetricCount; ++m) out[m] = kNaN;
        return reasons;
    }
    const double sum = double(d) * sums.shift + sums.shifted_sum;
    double deviations = sums.shifted_squares - sums.shifted_sum * sums.shifted_sum / double(d);
    if (deviations * kRefineRatio < sums.shifted_squares)
        deviations = squared_deviations(x, d, sum / double(d));
    const double root_d = std::sqrt(double(d));
    const double orthogonal = std::sqrt(std::max(deviations, 0.0));  // ‖x⊥‖ = √d·σ
    const double uniform = sum / root_d;                             // c = x·û
    const double norm = std::sqrt(sums.squares);
    const double sigma = orthogonal / root_d;
    out[column_of(Metric::AngleToUniformDeg)] = std::atan2(orthogonal, uniform) * kDegrees;
    out[column_of(Metric::Norm)] = norm;
    out[column_of(Metric::UniformComponent)] = uniform;
    out[column_of(Metric::AbsCosToUniform)] = std::abs(uniform) / norm;
    out[column_of(Metric::Sigma)] = sigma;
    out[column_of(Metric::Rms)] = norm / root_d;
    out[column_of(Metric::LnStandardizedNorm)] = orthogonal / std::sqrt(sigma * sigma + eps);
    // x = x⊥ + c·û with x⊥ ⟂ û, so the angle between x⊥ and x is atan2(|c|, ‖x⊥‖).
    out[column_of(Metric::LnVsRmsDeg)] = std::atan2(std::abs(uniform), orthogonal) * kDegrees;
    out[column_of(Metric::MaxAbs)] = sums.max_abs;
    out[column_of(Metric::Top1EnergyShare)] = sums.max_abs * sums.max_abs / sums.squares;
    return 0;
}

// Kahan's angle: 2·atan2(‖a − b‖, ‖a + b‖) for unit a, b, accurate at 0° and 180° alike.
template <typename InScalar, typename OutScalar>
[[gnu::always_inline]] inline double rotation_degrees(const InScalar* x, const OutScalar* y,
                                                      Index d, double x_norm, double y_norm) {
    const double x_scale = 1.0 / x_norm, y_scale = 1.0 / y_norm;
    Lanes difference{}, sum{};
    Index i = 0;
    for (; i + kLanes <= d; i += kLanes) {
        Lanes a, b;
        load_lanes(x + i, a);
        load_lanes(y + i, b);
        a *= x_scale;
        b *= y_scale;
        difference += (a - b) * (a - b);
        sum += (a + b) * (a + b);
    }
    for (; i < d; ++i) {
        const double a = double(x[i]) * x_scale, b = double(y[i]) * y_scale;
        difference[0] += (a - b) * (a - b);
        sum[0] += (a + b) * (a + b);
    }
    const double total_difference = lane_sum(difference);
    const double total_sum = lane_sum(sum);
    return 2.0 * std::atan2(std::sqrt(total_difference), std::sqrt(total_sum)) * kDegrees;
}

// The rows of input_metrics, inlined into a baseline and an AVX2 build: there the four lanes of
// each sum are one register. Both run the same IEEE operations in the same order (AVX2 alone
// enables no FMA contraction), so they give the same bits.
template <typename Scalar>
[[gnu::always_inline]] inline void input_rows(const Scalar* x, Index rows, Index d, Index stride,
                                              double eps, double* values, Index columns,
                                              std::uint8_t* flags) {
    for (Index row = 0; row < rows; ++row) {
        double* out = values + row * columns;
        flags[row] = input_row(x + row * stride, d, eps, out);
        if (flags[row])
            for (Index m = kInputMetricCount; m < columns; ++m) out[m] = kNaN;
    }
}

template <typename InScalar, typename OutScalar>
[[gnu::always_inline]] inline void output_rows(const InScalar* x, Index x_stride,
                                               const OutScalar* y, Index y_stride, Index rows,
                                               Index d, double* values, Index columns,
                                               std::uint8_t* flags) {
    for (Index row = 0; row < rows; ++row) {
        if (flags[row] & kInputInvalidMask) continue;
        double* out = values + row * columns;
        const OutScalar* y_row = y + row * y_stride;
        const double y_norm = std::sqrt(sum_of_squares(y_row, d));
        if (!std::isfinite(y_norm) || y_norm == 0) {
            flags[row] |= kOutputInvalid;
            out[column_of(Metric::OutputNorm)] = out[column_of(Metric::RotationDeg)] = kNaN;
            continue;
        }
        out[column_of(Metric::OutputNorm)] = y_norm;
        out[column_of(Metric::RotationDeg)] =
            rotation_degrees(x + row * x_stride, y_row, d, out[column_of(Metric::Norm)], y_norm);
    }
}

#if defined(__x86_64__)
template <typename Scalar>
[[gnu::target("avx2")]] void input_rows_avx2(const Scalar* x, Index rows, Index d, Index stride,
                                             double eps, double* values, Index columns,
                                             std::uint8_t* flags) {
    input_rows(x, rows, d, stride, eps, values, columns, flags);
}

template <typename InScalar, typename OutScalar>
[[gnu::target("avx2")]] void output_rows_avx2(const InScalar* x, Index x_stride, const OutScalar* y,
                                              Index y_stride, Index rows, Index d, double* values,
                                              Index columns, std::uint8_t* flags) {
    output_rows(x, x_stride, y, y_stride, rows, d, values, columns, flags);
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
    input_rows(input.data(), input.rows(), input.cols(), input.outerStride(), eps, values.data(),
               values.outerStride(), flags.data());
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
    output_rows(input.data(), input.outerStride(), output.data(), output.outerStride(),
                input.rows(), input.cols(), values.data(), values.outerStride(), flags.data());
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
