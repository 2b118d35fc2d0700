#include "core/metrics/token_metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace lngeom {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kDegrees = 180.0 / std::numbers::pi;
// Independent accumulators break the add dependency chain, so the compiler can vectorize
// the reductions without reassociating floating-point sums.
constexpr Index kLanes = 4;

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
RowSums row_sums(const Scalar* x, Index d) {
    const double shift = d ? double(x[0]) : 0.0;
    double linear[kLanes] = {}, spread[kLanes] = {}, squares[kLanes] = {}, peak[kLanes] = {};
    Index i = 0;
    for (; i + kLanes <= d; i += kLanes)
        for (Index k = 0; k < kLanes; ++k) {
            const double v = x[i + k], shifted = v - shift;
            linear[k] += shifted;
            spread[k] += shifted * shifted;
            squares[k] += v * v;
            peak[k] = std::max(peak[k], std::abs(v));
        }
    for (; i < d; ++i) {
        const double v = x[i], shifted = v - shift;
        linear[0] += shifted;
        spread[0] += shifted * shifted;
        squares[0] += v * v;
        peak[0] = std::max(peak[0], std::abs(v));
    }
    return {shift, (linear[0] + linear[1]) + (linear[2] + linear[3]),
            (spread[0] + spread[1]) + (spread[2] + spread[3]),
            (squares[0] + squares[1]) + (squares[2] + squares[3]),
            std::max(std::max(peak[0], peak[1]), std::max(peak[2], peak[3]))};
}

template <typename Scalar>
double sum_of_squares(const Scalar* x, Index d) {
    double squares[kLanes] = {};
    Index i = 0;
    for (; i + kLanes <= d; i += kLanes)
        for (Index k = 0; k < kLanes; ++k) squares[k] += double(x[i + k]) * double(x[i + k]);
    for (; i < d; ++i) squares[0] += double(x[i]) * double(x[i]);
    return (squares[0] + squares[1]) + (squares[2] + squares[3]);
}

// The corrected two-pass sum Σ(x − μ)² − (Σ(x − μ))²/d, for rows the one-pass spread cannot
// resolve.
template <typename Scalar>
double squared_deviations(const Scalar* x, Index d, double mean) {
    double linear[kLanes] = {}, squares[kLanes] = {};
    Index i = 0;
    for (; i + kLanes <= d; i += kLanes)
        for (Index k = 0; k < kLanes; ++k) {
            const double deviation = double(x[i + k]) - mean;
            linear[k] += deviation;
            squares[k] += deviation * deviation;
        }
    for (; i < d; ++i) {
        const double deviation = double(x[i]) - mean;
        linear[0] += deviation;
        squares[0] += deviation * deviation;
    }
    const double total_linear = (linear[0] + linear[1]) + (linear[2] + linear[3]);
    const double total_squares = (squares[0] + squares[1]) + (squares[2] + squares[3]);
    return total_squares - total_linear * total_linear / double(d);
}

std::uint8_t invalid_reasons(const RowSums& sums) {
    if (!std::isfinite(sums.shifted_sum + sums.shifted_squares + sums.squares)) return kNonFinite;
    if (sums.squares == 0) return kZeroVector | kConstant;
    if (sums.shifted_squares == 0) return kConstant;
    return 0;
}

template <typename Scalar>
std::uint8_t input_row(const Scalar* x, Index d, double eps, double* out) {
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
double rotation_degrees(const InScalar* x, const OutScalar* y, Index d, double x_norm,
                        double y_norm) {
    const double x_scale = 1.0 / x_norm, y_scale = 1.0 / y_norm;
    double difference[kLanes] = {}, sum[kLanes] = {};
    Index i = 0;
    for (; i + kLanes <= d; i += kLanes)
        for (Index k = 0; k < kLanes; ++k) {
            const double a = double(x[i + k]) * x_scale, b = double(y[i + k]) * y_scale;
            difference[k] += (a - b) * (a - b);
            sum[k] += (a + b) * (a + b);
        }
    for (; i < d; ++i) {
        const double a = double(x[i]) * x_scale, b = double(y[i]) * y_scale;
        difference[0] += (a - b) * (a - b);
        sum[0] += (a + b) * (a + b);
    }
    const double total_difference =
        (difference[0] + difference[1]) + (difference[2] + difference[3]);
    const double total_sum = (sum[0] + sum[1]) + (sum[2] + sum[3]);
    return 2.0 * std::atan2(std::sqrt(total_difference), std::sqrt(total_sum)) * kDegrees;
}

}  // namespace

template <typename Scalar>
void input_metrics(const Eigen::Ref<const RowMatrix<Scalar>>& input, double eps,
                   Eigen::Ref<RowMatrixD> values, std::span<std::uint8_t> flags) {
    const Index d = input.cols();
    for (Index row = 0; row < input.rows(); ++row) {
        double* out = values.row(row).data();
        flags[size_t(row)] = input_row(input.row(row).data(), d, eps, out);
        if (flags[size_t(row)])
            for (Index m = kInputMetricCount; m < values.cols(); ++m) out[m] = kNaN;
    }
}

template <typename InScalar, typename OutScalar>
void output_metrics(const Eigen::Ref<const RowMatrix<InScalar>>& input,
                    const Eigen::Ref<const RowMatrix<OutScalar>>& output,
                    Eigen::Ref<RowMatrixD> values, std::span<std::uint8_t> flags) {
    const Index d = input.cols();
    for (Index row = 0; row < input.rows(); ++row) {
        if (flags[size_t(row)] & kInputInvalidMask) continue;
        double* out = values.row(row).data();
        const OutScalar* y = output.row(row).data();
        const double y_norm = std::sqrt(sum_of_squares(y, d));
        if (!std::isfinite(y_norm) || y_norm == 0) {
            flags[size_t(row)] |= kOutputInvalid;
            out[column_of(Metric::OutputNorm)] = out[column_of(Metric::RotationDeg)] = kNaN;
            continue;
        }
        out[column_of(Metric::OutputNorm)] = y_norm;
        out[column_of(Metric::RotationDeg)] =
            rotation_degrees(input.row(row).data(), y, d, out[column_of(Metric::Norm)], y_norm);
    }
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
