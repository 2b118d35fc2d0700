#pragma once
// Internal to the core: the per-row kernels of the per-token metrics (token_metrics.cpp) and of
// the statistics pass's fused rows (scanned_rows.cpp), as always-inline templates over V, the
// GCC vector type of a sum's lanes, so that each caller inlines them into a baseline and an AVX2
// build of its own row loops.

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numbers>

#include "core/metrics/metrics.h"
#include "core/metrics/token_metrics.h"

namespace lngeom::kernels {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kDegrees = 180.0 / std::numbers::pi;
// Independent accumulators break the add dependency chain: lane k of a sum adds coordinates
// k, k + 4, …, and the lanes are vectors, so no floating-point sum is reassociated and every
// instruction set gives the same bits.
inline constexpr Index kLanes = 4;
using Doubles2 = double __attribute__((vector_size(2 * sizeof(double))));
using Doubles4 = double __attribute__((vector_size(4 * sizeof(double))));
using Floats2 = float __attribute__((vector_size(2 * sizeof(float))));
using Floats4 = float __attribute__((vector_size(4 * sizeof(float))));
using Bits2 = std::int64_t __attribute__((vector_size(2 * sizeof(std::int64_t))));
using Bits4 = std::int64_t __attribute__((vector_size(4 * sizeof(std::int64_t))));
inline constexpr std::int64_t kMagnitudeBits = 0x7fffffffffffffff;  // std::abs clears the sign bit

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
inline constexpr double kRefineRatio = 16.0;

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

// The four lanes of each of RowSums' sums while a row is being added up. Without kWithPeak,
// max_abs is left 0 for the caller, who has the row's max |x| from its magnitude scan.
template <typename V, bool kWithPeak = true>
struct SumLanes {
    double shift = 0;
    Quad<V> linear, spread, squares, peak;
};

// Adds x[0 … 4) into the lanes.
template <typename V, bool kWithPeak, typename Scalar>
[[gnu::always_inline]] inline void add_lanes(const Scalar* x, SumLanes<V, kWithPeak>& sums) {
    for (int p = 0; p < Quad<V>::kParts; ++p) {
        V v;
        load(x + p * Quad<V>::kWidth, v);
        const V shifted = v - sums.shift;
        sums.linear.part[p] += shifted;
        sums.spread.part[p] += shifted * shifted;
        sums.squares.part[p] += v * v;
        if constexpr (kWithPeak) take_larger_magnitude(sums.peak.part[p], v);
    }
}

// Adds x[i … d) (what is left of the row after its first i coordinates) and reduces the lanes.
template <typename V, bool kWithPeak, typename Scalar>
[[gnu::always_inline]] inline RowSums finish_sums(const Scalar* x, Index i, Index d,
                                                  SumLanes<V, kWithPeak>& sums) {
    for (; i + kLanes <= d; i += kLanes) add_lanes(x + i, sums);
    for (; i < d; ++i) {
        const double v = x[i], shifted = v - sums.shift;
        sums.linear.part[0][0] += shifted;
        sums.spread.part[0][0] += shifted * shifted;
        sums.squares.part[0][0] += v * v;
        if constexpr (kWithPeak) sums.peak.part[0][0] = std::max(sums.peak.part[0][0], std::abs(v));
    }
    const Quad<V>& peak = sums.peak;
    return {sums.shift, sums.linear.sum(), sums.spread.sum(), sums.squares.sum(),
            std::max(std::max(peak.lane(0), peak.lane(1)), std::max(peak.lane(2), peak.lane(3)))};
}

template <typename V, bool kWithPeak = true, typename Scalar>
[[gnu::always_inline]] inline SumLanes<V, kWithPeak> start_sums(const Scalar* x, Index d) {
    SumLanes<V, kWithPeak> sums;
    sums.shift = d ? double(x[0]) : 0.0;
    return sums;
}

template <typename V, typename Scalar>
[[gnu::always_inline]] inline RowSums row_sums(const Scalar* x, Index d) {
    SumLanes<V> sums = start_sums<V>(x, d);
    return finish_sums(x, 0, d, sums);
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

inline std::uint8_t invalid_reasons(const RowSums& sums) {
    if (!std::isfinite(sums.shifted_sum + sums.shifted_squares + sums.squares)) return kNonFinite;
    if (sums.squares == 0) return kZeroVector | kConstant;
    if (sums.shifted_squares == 0) return kConstant;
    return 0;
}

// The metrics of a valid row that come from its max |x|, given its Σx².
[[gnu::always_inline]] inline void put_max_abs(double max_abs, double squares, double* out) {
    out[column_of(Metric::MaxAbs)] = max_abs;
    out[column_of(Metric::Top1EnergyShare)] = max_abs * max_abs / squares;
}

// The input metrics of row x (d) from its sums into out[0 … kInputMetricCount); its invalid
// reasons, with NaN in every one of them.
template <typename V, typename Scalar>
[[gnu::always_inline]] inline std::uint8_t metrics_from_sums(const Scalar* x, Index d, double eps,
                                                             const RowSums& sums, double* out) {
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
    put_max_abs(sums.max_abs, sums.squares, out);
    return 0;
}

template <typename V, typename Scalar>
[[gnu::always_inline]] inline std::uint8_t input_row(const Scalar* x, Index d, double eps,
                                                     double* out) {
    return metrics_from_sums<V>(x, d, eps, row_sums<V>(x, d), out);
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

// output_norm and rotation_deg of one valid input row x and its output y; kOutputInvalid (and
// NaN in both) when y is non-finite or zero.
template <typename V, typename InScalar, typename OutScalar>
[[gnu::always_inline]] inline std::uint8_t output_row(const InScalar* x, const OutScalar* y,
                                                      Index d, double* out) {
    const double y_norm = std::sqrt(sum_of_squares<V>(y, d));
    if (!std::isfinite(y_norm) || y_norm == 0) {
        out[column_of(Metric::OutputNorm)] = out[column_of(Metric::RotationDeg)] = kNaN;
        return kOutputInvalid;
    }
    out[column_of(Metric::OutputNorm)] = y_norm;
    out[column_of(Metric::RotationDeg)] =
        rotation_degrees<V>(x, y, d, out[column_of(Metric::Norm)], y_norm);
    return 0;
}

}  // namespace lngeom::kernels
