#pragma once
// What the ellipsoid view draws for one site (Riechers, arXiv 2405.04134): three semi-axes of
// the site's γ-ellipsoid — the three largest, or the three the tokens occupy most — and the
// sampled tokens' outputs z_t + β placed in the basis (v_a, v_b, v_c) of those axes. In that
// basis the ellipsoid's section is the ellipsoid with semi-axes (s_a, s_b, s_c) centred at β's
// coordinates, and a token's point lies on its surface when it occupies only these axes.

#include <Eigen/Core>
#include <array>
#include <atomic>
#include <cstddef>
#include <vector>

#include "core/analysis/ellipsoid_summary.h"
#include "core/geometry/projection.h"
#include "core/io/dump.h"

namespace lngeom {

enum class AxisChoice { Largest, MostOccupied };

struct EllipsoidPictureRequest {
    SiteIndex site = 0;
    AxisChoice axes = AxisChoice::Largest;
    Index max_points = 20000;  // tokens drawn: the first max_points valid ones
    // Most occupied: the mean occupancy of all d − 1 axes costs O(n·d²), so it is taken over
    // the first tokens only, as many as keep n·d² under this.
    double occupancy_budget = 4e8;

    bool operator==(const EllipsoidPictureRequest&) const = default;
};

struct EllipsoidPicture {
    EllipsoidPictureRequest request;
    NormKind kind = NormKind::LayerNorm;  // Unknown sites are drawn as LayerNorm
    bool has_gamma = false;               // false: γ = 1, the ellipsoid is a sphere
    bool has_beta = false;
    Index d = 0;
    EllipsoidSummary summary;
    int axis_count = 3;  // 2 for LayerNorm at d = 3
    // Each drawn axis: LayerNorm, its rank k among the d − 1 axes by ascending length; RMSNorm,
    // its coordinate i (the axes are the coordinate axes).
    std::array<Index, 3> axis_index{};
    Eigen::Vector3d lengths = Eigen::Vector3d::Zero();    // s_a, s_b, s_c (0 for a missing one)
    Eigen::Matrix<double, Eigen::Dynamic, 3> directions;  // d × 3: v_a, v_b, v_c
    Eigen::Vector3d centre = Eigen::Vector3d::Zero();     // (v_aᵀβ, v_bᵀβ, v_cᵀβ)
    PointRows points;                                     // n × 3: V₃ᵀ(z_t + β)
    std::vector<Index> tokens;                            // the row of each point
    std::vector<float> shell_depth;                       // 1 − ρ_t
    PointRows occupancy;                                  // q_{t,a}, q_{t,b}, q_{t,c}
    Eigen::Vector3d mean_occupancy = Eigen::Vector3d::Zero();
    // 1ᵀ(z_t + β)/√d over the points: the uniform component the affine step puts back.
    double output_uniform_mean = 0;
    double output_uniform_std = 0;
};

// RequestError naming the dump when the site does not exist, or the site when it has d < 3 or a
// non-finite γ or β. CancelledError when `cancel` is set meanwhile.
EllipsoidPicture compute_ellipsoid_picture(const Dump& dump, const EllipsoidPictureRequest& request,
                                           const std::atomic<bool>* cancel = nullptr);

}  // namespace lngeom
