#pragma once
// The per-token kernel: every metric of metrics.h for each row of a block, accumulated in
// double whatever the stored type, in two passes over each row while it sits in L1.

#include <Eigen/Core>
#include <cstdint>
#include <span>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/metrics.h"

namespace lngeom {

template <typename Scalar>
using RowMatrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Why a token has no metrics: bits of its flag byte. A zero vector is also constant, so it
// carries both bits. OutputInvalid: the output is non-finite or zero, so only output_norm and
// rotation_deg are NaN.
enum InvalidReason : std::uint8_t {
    kNonFinite = 1,
    kZeroVector = 2,
    kConstant = 4,
    kOutputInvalid = 8,
};
inline constexpr std::uint8_t kInputInvalidMask = kNonFinite | kZeroVector | kConstant;

// Input metrics of every row of `input` (n_rows × d) into columns 0 … kInputMetricCount − 1 of
// `values` (n_rows × ≥ kInputMetricCount); `flags` (n_rows) gets each row's input reasons.
// Invalid rows get NaN in every column of `values`, including the output ones.
template <typename Scalar>
void input_metrics(const Eigen::Ref<const RowMatrix<Scalar>>& input, double eps,
                   Eigen::Ref<RowMatrixD> values, std::span<std::uint8_t> flags);

// output_norm and rotation_deg of every row pair (input, output both n_rows × d) into their
// columns of `values` (n_rows × kMetricCount); rows already flagged invalid are skipped, rows
// whose output is non-finite or zero get NaN and kOutputInvalid.
template <typename InScalar, typename OutScalar>
void output_metrics(const Eigen::Ref<const RowMatrix<InScalar>>& input,
                    const Eigen::Ref<const RowMatrix<OutScalar>>& output,
                    Eigen::Ref<RowMatrixD> values, std::span<std::uint8_t> flags);

// Both of the above on blocks as the reader returns them; `output` may be null. `values` and
// `flags` are resized to n_rows × metric_count(output != nullptr) and n_rows.
void token_metrics(const RowBlock& input, const RowBlock* output, double eps, RowMatrixD& values,
                   std::vector<std::uint8_t>& flags);

}  // namespace lngeom
