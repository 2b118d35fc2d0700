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
// Independent accumulators break the add dependency chain: lane k of a sum adds coordinates
// k, k + 4, …, and the lanes are vectors, so no floating-point sum is reassociated and every
// instruction set gives the same bits.
constexpr Index kLanes = 4;
using Doubles2 = double __attribute__((vector_size(2 * sizeof(double))));
using Doubles4 = double __attribute__((vector_size(4 * sizeof(double))));
using Floats2 = float __attribute__((vector_size(2 * sizeof(float))));
using Floats4 = float __attribute__((vector_size(4 * sizeof(float))));
using Bits2 = std::int64_t __attribute__((vector_size(2 * sizeof(std::int64_t))));
using Bits4 = std::int64_t __attribute__((vector_size(4 * sizeof(std::int64_t))));
constexpr std::int64_t kMagnitudeBits = 0x7fffffffffffffff;  // std::abs clears the sign bit

// A sum's four lanes as GCC vectors of a register's width: one of four doubles in the AVX2
// build, two of two with SSE2 (the x86-64 baseline, where GCC lowers a wider vector through the
// stack). Lane k is part[k / kWidth][k % kWidth].
template <typename V>
struct Quad {
    static constexpr int kWidth = int(sizeof(V) / sizeof(double));
    static constexpr int kParts = int(kLanes) / kWidth;
    V part[kParts] = {};

    [[gnu::always_inline]] double lane(int k) const { return part[k / kWidth][k % kWidth]; }
    [[gnu::always_inline]] double sum() const { return (lane(0) + lane(1)) + (lane(2) + lane(3)); }
};

// x[0 …] widened to double, one vector's worth.
[[gnu::always_inline]] inline void load(const float* x, Doubles2& v) {
    Floats2 narrow;
    std::memcpy(&narrow, x, sizeof narrow);
    v = __builtin_convertvector(narrow, Doubles2);
}

[[gnu::always_inline]] inline void load(const float* x, Doubles4& v) {
    Floats4 narrow;
    std::memcpy(&narrow, x, sizeof narrow);
    v = __builtin_convertvector(narrow, Doubles4);
}

template <typename V>
[[gnu::always_inline]] inline void load(const double* x, V& v) {
    std::memcpy(&v, x, sizeof v);
}

// peak = std::max(peak, |v|) lane by lane, NaN included, with bitwise operations: GCC lowers a
// vector ?: for SSE2 one lane at a time.
template <typename Bits, typename V>
[[gnu::always_inline]] inline void take_larger_magnitude_bits(V& peak, const V& v) {
    const Bits magnitude = Bits(v) & kMagnitudeBits;
    const Bits larger = peak < V(magnitude);
    peak = V((larger & magnitude) | (~larger & Bits(peak)));
}

[[gnu::always_inline]] inline void take_larger_magnitude(Doubles2& peak, const Doubles2& v) {
    take_larger_magnitude_bits<Bits2>(peak, v);
}

[[gnu::always_inline]] inline void take_larger_magnitude(Doubles4& peak, const Doubles4& v) {
    take_larger_magnitude_bits<Bits4>(peak, v);
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

template <typename V, typename Scalar>
[[gnu::always_inline]] inline RowSums row_sums(const Scalar* x, Index d) {
    constexpr int kWidth = Quad<V>::kWidth;
    const double shift = d ? double(x[0]) : 0.0;
    Quad<V> linear, spread, squares, peak;
    Index i = 0;
    for (; i + kLanes <= d; i += kLanes)
        for (int p = 0; p < Quad<V>::kParts; ++p) {
            V v;
            load(x + i + p * kWidth, v);
            const V shifted = v - shift;
            linear.part[p] += shifted;
            spread.part[p] += shifted * shifted;
            squares.part[p] += v * v;
            take_larger_magnitude(peak.part[p], v);
        }
    for (; i < d; ++i) {
        const double v = x[i], shifted = v - shift;
        linear.part[0][0] += shifted;
        spread.part[0][0] += shifted * shifted;
        squares.part[0][0] += v * v;
        peak.part[0][0] = std::max(peak.part[0][0], std::abs(v));
    }
    return {shift, linear.sum(), spread.sum(), squares.sum(),
            std::max(std::max(peak.lane(0), peak.lane(1)), std::max(peak.lane(2), peak.lane(3)))};
}

template <typename V, typename Scalar>
[[gnu::always_inline]] inline double sum_of_squares(const Scalar* x, Index d) {
    Quad<V> squares;
    Index i = 0;
    for (; i + kLanes <= d; i += kLanes)
        for (int p = 0; p < Quad<V>::kParts; ++p) {
            V v;
            load(x + i + p * Quad<V>::kWidth, v);
            squares.part[p] += v * v;
        }
    for (; i < d; ++i) squares.part[0][0] += double(x[i]) * double(x[i]);
    return squares.sum();
}

// The corrected two-pass sum Σ(x − μ)² − (Σ(x − μ))²/d, for rows the one-pass spread cannot
// resolve.
template <typename V, typename Scalar>
[[gnu::always_inline]] inline double squared_deviations(const Scalar* x, Index d, double mean) {
    Quad<V> linear, squares;
    Index i = 0;
    for (; i + kLanes <= d; i += kLanes)
        for (int p = 0; p < Quad<V>::kParts; ++p) {
            V deviation;
            load(x + i + p * Quad<V>::kWidth, deviation);
            deviation -= mean;
            linear.part[p] += deviation;
            squares.part[p] += deviation * deviation;
        }
    for (; i < d; ++i) {
        const double deviation = double(x[i]) - mean;
        linear.part[0][0] += deviation;
        squares.part[0][0] += deviation * deviation;
    }
    const double total_linear = linear.sum();
    return squares.sum() - total_linear * total_linear / double(d);
}

std::uint8_t invalid_reasons(const RowSums& sums) {
    if (!std::isfinite(sums.shifted_sum + sums.shifted_squares + sums.squares)) return kNonFinite;
    if (sums.squares == 0) return kZeroVector | kConstant;
    if (sums.shifted_squares == 0) return kConstant;
    return 0;
}

template <typename V, typename Scalar>
[[gnu::always_inline]] inline std::uint8_t input_row(const Scalar* x, Index d, double eps,
                                                     double* out) {
    const RowSums sums = row_sums<V>(x, d);
    if (const std::uint8_t reasons = invalid_reasons(sums)) {
        for (int m = 0; m < kInputMetricCount; ++m) out[m] = kNaN;
        return reasons;
    }
    const double sum = double(d) * sums.shift + sums.shifted_sum;
    double deviations = sums.shifted_squares - sums.shifted_sum * sums.shifted_sum / double(d);
    if (deviations * kRefineRatio < sums.shifted_squares)
        deviations = squared_deviations<V>(x, d, sum / double(d));
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
template <typename V, typename InScalar, typename OutScalar>
[[gnu::always_inline]] inline double rotation_degrees(const InScalar* x, const OutScalar* y,
                                                      Index d, double x_norm, double y_norm) {
    const double x_scale = 1.0 / x_norm, y_scale = 1.0 / y_norm;
    Quad<V> difference, sum;
    Index i = 0;
    for (; i + kLanes <= d; i += kLanes)
        for (int p = 0; p < Quad<V>::kParts; ++p) {
            V a, b;
            load(x + i + p * Quad<V>::kWidth, a);
            load(y + i + p * Quad<V>::kWidth, b);
            a *= x_scale;
            b *= y_scale;
            difference.part[p] += (a - b) * (a - b);
            sum.part[p] += (a + b) * (a + b);
        }
    for (; i < d; ++i) {
        const double a = double(x[i]) * x_scale, b = double(y[i]) * y_scale;
        difference.part[0][0] += (a - b) * (a - b);
        sum.part[0][0] += (a + b) * (a + b);
    }
    const double total_difference = difference.sum();
    const double total_sum = sum.sum();
    return 2.0 * std::atan2(std::sqrt(total_difference), std::sqrt(total_sum)) * kDegrees;
}

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
    for (Index row = 0; row < rows; ++row) {
        if (flags[row] & kInputInvalidMask) continue;
        double* out = values + row * columns;
        const OutScalar* y_row = y + row * y_stride;
        const double y_norm = std::sqrt(sum_of_squares<V>(y_row, d));
        if (!std::isfinite(y_norm) || y_norm == 0) {
            flags[row] |= kOutputInvalid;
            out[column_of(Metric::OutputNorm)] = out[column_of(Metric::RotationDeg)] = kNaN;
            continue;
        }
        out[column_of(Metric::OutputNorm)] = y_norm;
        out[column_of(Metric::RotationDeg)] =
            rotation_degrees<V>(x + row * x_stride, y_row, d, out[column_of(Metric::Norm)], y_norm);
    }
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
