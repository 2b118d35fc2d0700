#pragma once
// The 3D basis the projection view draws in: the vertical axis is û = 1/√d, the
// two horizontal axes are orthonormal directions inside the hyperplane orthogonal to 1. By
// default they are the top two principal directions of the x⊥ cloud (x⊥ = x − μ1, centred on
// its mean), found by randomized subspace iteration that streams row blocks: each iteration is
// one pass and costs O(n·d·k); no d × d matrix is ever formed.

#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <string>

#include "core/io/block_source.h"

namespace lngeom {

// d × 3: column 0 and 1 the horizontal axes (⊥ 1), column 2 û = 1/√d; orthonormal.
using BasisAxes = Eigen::Matrix<double, Eigen::Dynamic, 3>;

struct ProjectionBasis {
    BasisAxes axes;
    // Share (0–1) of the x⊥ cloud's variance along each horizontal axis; the sum is what the
    // picture shows of the cloud's spread. NaN when the cloud has no spread or no valid row.
    Eigen::Vector2d variance_share = Eigen::Vector2d::Constant(0.0);
    std::array<std::string, 2> axis_names;  // e.g. "PC1", "x[12]⊥", "random 1"
    Index rows_used = 0;                    // finite rows of the cloud
};

struct PrincipalOptions {
    int max_iterations = 12;  // passes over the rows
    int oversample = 6;       // extra directions iterated beside the two wanted
    double tolerance = 1e-7;  // relative change of the top Ritz values that ends the iteration
    std::uint64_t seed = 1;
};

// Top two principal directions of the x⊥ cloud of `rows` (d columns). Rows with a non-finite
// value are skipped.
ProjectionBasis principal_basis(const BlockSource& rows, Index d,
                                const PrincipalOptions& options = {});
// The coordinate axes e_i and e_j projected ⊥ 1 and orthonormalized (i ≠ j, d ≥ 3).
ProjectionBasis coordinate_basis(const BlockSource& rows, Index d, Index i, Index j);
// The token's own x⊥ direction, then the cloud's principal direction in the complement of it
// and of 1. RequestError when x is constant (x⊥ = 0).
ProjectionBasis token_basis(const BlockSource& rows, const Eigen::VectorXd& x,
                            const PrincipalOptions& options = {});
// Two random directions ⊥ 1 (Gaussian, seeded), orthonormalized.
ProjectionBasis random_basis(const BlockSource& rows, Index d, std::uint64_t seed);

// The share of the x⊥ cloud's variance along each horizontal axis of `axes` (one pass).
Eigen::Vector2d variance_share(const BlockSource& rows, const BasisAxes& axes,
                               Index* rows_used = nullptr);

}  // namespace lngeom
