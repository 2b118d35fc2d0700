#pragma once
// One token walked through LayerNorm's three steps and RMSNorm's two (the paper's Fig. 2, on
// real data): every intermediate vector, its formula and the token's numbers. The two paths have
// the same five stages, so they can be stepped side by side; RMSNorm's stage 1 is "nothing
// removed", the step it skips.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "core/geometry/norm_affine.h"
#include "core/geometry/projection_basis.h"
#include "core/io/dump.h"

namespace lngeom {

inline constexpr int kWalkStageCount = 5;

struct WalkStage {
    std::string title;        // what the step does, e.g. "remove the component along 1"
    std::string formula;      // e.g. "x⊥ = x − μ·1"
    Eigen::VectorXd vector;   // d: the vector after this stage
    Eigen::VectorXd removed;  // d: what this stage took away along 1 (LayerNorm's stage 1), else 0
    double norm = 0;
    double angle_to_uniform_deg = 0;  // NaN for the zero vector
};

// The token's metrics, computed by the metrics kernel (token_metrics.h).
struct WalkNumbers {
    Index d = 0;
    double mean = 0;
    double uniform_component = 0;  // c = x·û
    double norm = 0;               // ‖x‖
    double orthogonal_norm = 0;    // ‖x⊥‖ = √d·σ
    double sigma = 0;
    double rms = 0;
    double angle_to_uniform_deg = 0;  // θ
    double eps = 0;
    bool has_gamma = false;
    bool has_beta = false;
};

struct NormalizationWalk {
    WalkNumbers numbers;
    std::vector<WalkStage> layer_norm;  // x, x⊥, x⊥/‖x⊥‖, √d·x⊥/‖x⊥‖ (≈ y), γ⊙y + β
    std::vector<WalkStage> rms_norm;  // x, x, x/‖x‖, √d·x/‖x‖ (≈ r), γ⊙r
};

// RequestError when x is constant or not finite (it has no direction ⊥ 1 to walk).
NormalizationWalk walk_normalization(const Eigen::VectorXd& x, double eps,
                                     const NormAffine& affine = {});

// A basis in which the walk is drawn exactly: x⊥'s direction, the direction of the LayerNorm
// output's part ⊥ {1, x⊥} (any direction ⊥ both when there is none), and û. x, x⊥, every
// LayerNorm stage and r lie in its span; only γ⊙r may stick out of it.
BasisAxes walk_basis(const NormalizationWalk& walk);

// ‖v − A·Aᵀv‖: how far `vector` lies outside the span of `axes` (0 when it is drawn exactly).
double distance_outside(const BasisAxes& axes, const Eigen::VectorXd& vector);

// One basis for several walks of the same d: with one walk (or when every token's x⊥ points the
// same way) walk_basis of the first; otherwise the top two principal directions of the tokens'
// x⊥ directions, and û. RequestError when `walks` is empty.
BasisAxes shared_walk_basis(const std::vector<const NormalizationWalk*>& walks);

// The fixed basis of R³ the d = 3 teaching mode draws in: two orthonormal directions of the
// plane ⊥ 1 and û. It does not turn with x, so dragging x moves only x.
BasisAxes r3_walk_basis();

// Where the walk draws `vector`: its component along û exactly, and its part ⊥ 1 at its true
// length along that part's projection onto the two horizontal axes. Every norm and angle to 1 is
// exact; only the direction within the hyperplane is projected (exact too for a vector in the
// span of `axes`).
Eigen::Vector3d walk_placement(const BasisAxes& axes, const Eigen::VectorXd& vector);

}  // namespace lngeom
