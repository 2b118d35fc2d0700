#pragma once
// What a site's γ and β make of the ellipsoid its outputs lie on (Riechers, arXiv 2405.04134),
// in O(d): the semi-axes' spread, the tilt of the hyperplane the LayerNorm outputs lie in, and
// where β moves the centre. For LayerNorm, z = G·y with y ∈ 1⊥ satisfies nᵀz = 0 for
// n = G⁻¹·1, so the outputs z + β lie on an ellipsoid centred at β in a hyperplane tilted away
// from 1⊥ when γ is not constant; RMSNorm has no hyperplane.

#include <Eigen/Core>

#include "core/io/dump.h"

namespace lngeom {

struct EllipsoidSummary {
    Index axis_count = 0;   // d − 1 for LayerNorm, d for RMSNorm
    Index zero_gammas = 0;  // γᵢ = 0 exactly
    // Semi-axes of length 0: m − 1 for m ≥ 2 zero γᵢ under LayerNorm (one zero γᵢ only tilts
    // the hyperplane to eᵢ⊥), m under RMSNorm.
    Index zero_axes = 0;
    double axes_min = 0, axes_median = 0, axes_max = 0;  // of s_k; median as numpy's
    double anisotropy = 0;                               // s_max / s_min; +∞ with a zero axis
    double effective_axes = 0;  // (Σ s_k²)² / Σ s_k⁴: d − 1 (or d) for a sphere
    // cos φ = Σᵢ(1/γᵢ) / (√d·‖1/γ‖), the angle between n = G⁻¹·1 and 1; 1/√d with one zero γᵢ
    // (n = eᵢ); NaN for RMSNorm and for m ≥ 2 zero γᵢ (no single hyperplane).
    double tilt_cos = 0;
    // β's distance from the subspace the outputs z span (the hyperplane nᵀz = 0; with zero γᵢ,
    // {z : zᵢ = 0 for each zero γᵢ}) and the length of its part inside it. RMSNorm: NaN and ‖β‖.
    double beta_offplane = 0;
    double beta_inplane = 0;
    double beta_uniform = 0;  // 1ᵀβ/√d: the uniform component β adds to every output
};

// gamma: the effective γ (d ≥ 2, finite); beta: d (zeros when the site stores none).
// std::invalid_argument for another kind than LayerNorm or RMSNorm, or bad shapes.
EllipsoidSummary summarize_ellipsoid(NormKind kind, const Eigen::VectorXd& gamma,
                                     const Eigen::VectorXd& beta);

}  // namespace lngeom
