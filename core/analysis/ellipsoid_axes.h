#pragma once
// The semi-axes of the ellipsoid a norm's outputs lie on (Riechers, arXiv 2405.04134), at the
// shell ρ = 1 (‖y‖ = √d):
// - LayerNorm: s_k = √d·σ_k(G·Q), k = 1 … d − 1, with G = diag(γ) and Q (d × (d − 1)) an
//   orthonormal basis of 1⊥; directions v_k are the left singular vectors of G·Q. The same
//   lengths are √(d·μ_k) for the roots μ_k of Σᵢ 1/(γᵢ² − μ) = 0 (secular_equation.h).
// - RMSNorm: no projection, so the axes are the coordinate axes with s_i = √d·|γᵢ|.
// γ is the effective factor (norm_affine.h). Lengths ascend; directions are unit columns.

#include <Eigen/Core>

#include "core/io/dump.h"

namespace lngeom {

struct EllipsoidAxes {
    Eigen::VectorXd lengths;     // K semi-axes, ascending (K = d − 1 LayerNorm, d RMSNorm)
    Eigen::MatrixXd directions;  // d × K: unit direction of each semi-axis in R^d
};

// Q: d × (d − 1), orthonormal columns spanning 1⊥ (a Householder reflector's columns).
Eigen::MatrixXd uniform_complement_basis(Index d);

// √d·σ_k(G·Q) by a full SVD: O(d³), the reference for the secular route.
EllipsoidAxes layer_norm_axes_by_svd(const Eigen::VectorXd& gamma);
// The same axes from the secular equation: O(d²) time; the directions take d·(d − 1) doubles.
EllipsoidAxes layer_norm_axes_by_secular(const Eigen::VectorXd& gamma);
// √d·|γᵢ| along eᵢ, ascending.
EllipsoidAxes rms_norm_axes(const Eigen::VectorXd& gamma);

// The first k (0-based) with s_k outside [√d·|γ|₍ₖ₎, √d·|γ|₍ₖ₊₁₎] (sorted |γ| ascending) by more
// than `relative` of √d·max|γ|, or −1 when the LayerNorm lengths interlace as they must.
// std::invalid_argument unless there are d − 1 lengths.
Index interlacing_violation(const Eigen::VectorXd& gamma, const Eigen::VectorXd& lengths,
                            double relative = 1e-12);

}  // namespace lngeom
