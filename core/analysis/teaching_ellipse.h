#pragma once
// The γ-ellipsoid at d = 3, where it can be seen whole: LayerNorm's standardized vectors y fill
// the circle where the plane 1⊥ cuts the sphere of radius √3, and the outputs G·y + β fill an
// ellipse centred at β in the plane nᵀ(z − β) = 0, n = G⁻¹·1 — tilted away from 1⊥ unless the
// three γᵢ are equal. For the ellipsoid view's teaching mode, where the user edits γ and β.

#include <Eigen/Core>

#include "core/analysis/ellipsoid_axes.h"
#include "core/analysis/ellipsoid_summary.h"

namespace lngeom {

struct TeachingEllipse {
    Eigen::Matrix<double, Eigen::Dynamic, 3> circle;   // samples × 3: y(θ), in R³
    Eigen::Matrix<double, Eigen::Dynamic, 3> ellipse;  // samples × 3: G·y(θ) + β
    EllipsoidAxes axes;        // the ellipse's two semi-axes (directions in R³)
    EllipsoidSummary summary;  // tilt, β's parts, …
    Eigen::Vector3d normal;    // n = G⁻¹·1 normalized; NaN when a γᵢ is zero
};

// `samples` ≥ 3 points around the circle, the first at θ = 0 along the first horizontal axis
// of r3_walk_basis(). std::invalid_argument for a non-finite γ or β.
TeachingEllipse teaching_ellipse(const Eigen::Vector3d& gamma, const Eigen::Vector3d& beta,
                                 int samples = 180);

}  // namespace lngeom
