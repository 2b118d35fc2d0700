#pragma once
// The LayerNorm input–output curve (Zhu, Chen, He, LeCun & Liu, "Transformers without
// Normalization", arXiv 2503.10622): each channel's input x_{t,i} against its standardized
// output (x_{t,i} − μ_t)/√(σ_t² + ε) (RMSNorm: x_{t,i}/√(mean x_t² + ε)). Each token contributes
// a line of slope 1/√(σ_t² + ε); tokens with large σ (massive activations among them) give
// flat lines reaching far out, so together the points bend into an S — the reason tanh(α·x)
// (their DyT) can stand in for the norm.

#include <Eigen/Core>

#include "core/io/dump.h"

namespace lngeom {

// One point per (token, channel) of the valid rows, row by row: n_valid·d of each.
struct IoCurvePoints {
    Eigen::ArrayXd input;    // x_{t,i}
    Eigen::ArrayXd output;   // the standardized output
    Eigen::ArrayXi token;    // the row within the rows given
    Eigen::ArrayXi channel;  // i
};

// Rows x (n × d) of a LayerNorm or RMSNorm site; rows without a standardization (non-finite,
// constant with ε = 0) are left out. std::invalid_argument for another kind.
IoCurvePoints io_curve_points(NormKind kind, const RowMatrixD& x, double eps);

// α minimizing Σ (tanh(α·x_j) − y_j)² over the points, and the root mean square of the
// residuals there. A scan over α = ±10^(−4 … 4) finds the basin, golden-section search narrows
// it, Gauss–Newton steps polish it. NaN without points.
struct TanhFit {
    double alpha = 0;
    double residual_rms = 0;
    Index points = 0;
};
TanhFit fit_tanh(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y);

// Counts of points on an nx × ny grid over [x_low, x_high] × [y_low, y_high] (points outside
// are left out; the high edges belong to the last cells). counts is ny × nx, row 0 at y_low.
struct Density2D {
    double x_low = 0, x_high = 1, y_low = 0, y_high = 1;
    Eigen::MatrixXd counts;
};
// std::invalid_argument unless nx, ny ≥ 1 and the ranges are finite and non-empty.
Density2D density_of(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y, int nx, int ny, double x_low,
                     double x_high, double y_low, double y_high);

}  // namespace lngeom
