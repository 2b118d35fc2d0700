#pragma once
// The O(d²) route to the γ-ellipsoid's axes (Riechers, "Geometry and Dynamics of LayerNorm",
// arXiv 2405.04134). The outputs z = G·y of LayerNorm (G = diag(γ), y ∈ 1⊥, ‖y‖ = √d) fill the
// image of a sphere under G·Q (Q: an orthonormal basis of 1⊥), whose squared semi-axes are d
// times the nonzero-or-not eigenvalues μ of G·Q·Qᵀ·G = G² − γγᵀ/d other than its null direction.
// Those are the d − 1 roots of the secular equation
//
//     Σᵢ 1/(γᵢ² − μ) = 0,
//
// one in each gap [γ²₍ₖ₎, γ²₍ₖ₊₁₎] of the sorted γᵢ² (k = 0 … d − 2): the interlacing. A gap of
// zero width (a repeated γᵢ², e.g. two γᵢ = 0) holds a root exactly at its value; otherwise the
// root is strictly inside and its axis direction is v ∝ (γᵢ/(γᵢ² − μ))ᵢ. Repeated values also
// need their own directions: within a run of m equal γᵢ², the m − 1 unit vectors supported on the
// run and orthogonal to γ restricted to it.
//
// A single γᵢ = 0 makes no axis vanish: the outputs then have zᵢ = 0 and lie in the hyperplane
// eᵢ⊥, and the root in [0, γ²₍₁₎] is strictly positive. m ≥ 2 zero γᵢ give m − 1 zero axes.

#include <Eigen/Core>
#include <vector>

namespace lngeom {

// One root μ_k, kept as an offset from the gap end it is closer to, so that γᵢ² − μ is computed
// without cancellation when μ lies close to a pole.
struct SecularRoot {
    Eigen::Index k = 0;     // 0 … d − 2, in ascending order of μ
    double mu = 0;          // the root
    double origin = 0;      // γ² at the gap end nearer to the root: mu = origin + offset
    double offset = 0;      // ≥ 0 from the lower end, ≤ 0 from the upper end
    bool repeated = false;  // the gap has zero width: mu = origin exactly
};

class SecularEquation {
  public:
    // gamma: d ≥ 2 finite values (the effective γ). std::invalid_argument otherwise.
    explicit SecularEquation(const Eigen::VectorXd& gamma);

    Eigen::Index d() const { return gamma_.size(); }
    Eigen::Index root_count() const { return gamma_.size() - 1; }
    // γᵢ² in ascending order (d).
    const std::vector<double>& sorted_squares() const { return squares_; }

    // The k-th smallest root (k = 0 … d − 2) in O(d) per iteration (about 10–60 iterations).
    SecularRoot root(Eigen::Index k) const;
    // Every root, ascending: O(d²) time, O(d) memory.
    std::vector<SecularRoot> roots() const;
    // The unit direction v_k (d) of root k's axis, in O(d). Its sign is chosen so that its
    // largest-magnitude coordinate is positive.
    Eigen::VectorXd direction(const SecularRoot& root) const;

  private:
    // Σᵢ 1/((γᵢ² − origin) − offset) and its derivative in offset.
    void evaluate(double origin, double offset, double& value, double& slope) const;
    Eigen::VectorXd repeated_direction(const SecularRoot& root) const;

    Eigen::VectorXd gamma_;
    std::vector<Eigen::Index> order_;  // coordinate indices by ascending γᵢ²
    std::vector<double> squares_;      // γ²[order_[j]]
};

}  // namespace lngeom
