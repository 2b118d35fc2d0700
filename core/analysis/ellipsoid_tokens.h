#pragma once
// Where each token's output sits on its site's γ-ellipsoid (Riechers, arXiv 2405.04134).
// A LayerNorm token's standardized vector has ‖y_t‖ = √d·ρ_t with ρ_t = σ_t/√(σ_t² + ε) just
// below 1 (RMSNorm: ρ_t = rms_t/√(rms_t² + ε)), so its output z_t + β lies on the shell of the
// ellipsoid scaled by ρ_t: its shell depth is 1 − ρ_t. Along semi-axis k the token occupies
// q_{t,k} = (v_kᵀz_t)²/s_k², and over all axes Σ_k q_{t,k} = ρ_t² (over the nonzero axes; a
// zero axis has no occupancy).

#include <Eigen/Core>

#include "core/analysis/ellipsoid_axes.h"
#include "core/analysis/secular_equation.h"
#include "core/io/dump.h"

namespace lngeom {

// The standardized vectors y of rows x (n × d) as the site's norm computes them: LayerNorm
// (x − μ)/√(σ² + ε), RMSNorm x/√(mean x² + ε). n × d; NaN rows where x has none (non-finite,
// or σ = 0 with ε = 0). std::invalid_argument for another kind.
RowMatrixD standardize_rows(NormKind kind, const RowMatrixD& x, double eps);

// ρ_t = ‖y_t‖/√d for standardized rows y (n × d): n values.
Eigen::VectorXd shell_radii(const RowMatrixD& y);

// q_{t,k} = (v_kᵀ z_t)²/s_k² for z_t = G·y_t (rows of z, n × d) and the K axes given: n × K.
// Zero-length axes get NaN.
RowMatrixD axis_occupancy(const RowMatrixD& z, const EllipsoidAxes& axes);

// The mean of q_{t,k} over the rows of z (n × d) for every LayerNorm axis k = 0 … d − 2 of
// `equation`, ascending as its roots, without holding the d × (d − 1) directions: O(n·d²) time,
// O(n·d) memory. Zero axes get NaN.
Eigen::VectorXd mean_axis_occupancy(const SecularEquation& equation, const RowMatrixD& z);

}  // namespace lngeom
