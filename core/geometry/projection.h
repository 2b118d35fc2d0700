#pragma once
// Token vectors placed in a 3D projection basis (projection_basis.h), for the projection view.
// Two placements: Linear is the plain projection A^T v (honest; points fall inside the ball);
// TrueRadius keeps that direction but puts the point at the vector's real norm ‖v‖, so every
// LayerNorm-standardized y lands on the √d sphere, on the great circle of the hyperplane ⊥ 1.

#include <Eigen/Core>

#include "core/geometry/projection_basis.h"
#include "core/io/dump.h"

namespace lngeom {

// Which vector of a token is drawn.
enum class Representation {
    Input,            // x, the vector entering the norm
    LnStandardized,   // y = x⊥ / sqrt(σ² + ε)
    RmsStandardized,  // r = x / sqrt(rms² + ε)
    Output            // the module's output, as dumped
};
enum class Placement { Linear, TrueRadius };

// n_rows × 3, x/y/z in the basis (horizontal, horizontal, along û); float, ready for drawing.
using PointRows = Eigen::Matrix<float, Eigen::Dynamic, 3, Eigen::RowMajor>;

// Per row of x (n_rows × d): the factor s with v = s·x, or v = s·x⊥ for LnStandardized (1 for
// Input and Output), and ‖v‖ (n_rows each). NaN for rows with a non-finite value or no
// standardization.
struct RowScales {
    Eigen::ArrayXd factor;
    Eigen::ArrayXd norm;
};
RowScales row_scales(const RowMatrixD& x, Representation representation, double eps);

// Places every row of `rows` (n_rows × d): input rows for Input, LnStandardized and
// RmsStandardized, output rows for Output. Rows with a non-finite value, and standardizations
// of vectors that have none (σ = 0 or x = 0 with ε = 0), give NaN rows.
PointRows project_rows(const RowBlock& rows, Representation representation, Placement placement,
                       const BasisAxes& axes, double eps);

// Whether `representation` needs the site's output stream rather than its input.
inline bool reads_output(Representation representation) {
    return representation == Representation::Output;
}

}  // namespace lngeom
