#include "core/geometry/projection.h"

#include <cmath>
#include <limits>

namespace lngeom {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <typename Scalar>
PointRows project(
    const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>& rows,
    Representation representation, Placement placement, const BasisAxes& axes, double eps) {
    const RowMatrixD x = rows.template cast<double>();
    const Eigen::MatrixXd projected = x * axes;
    const RowScales scales = row_scales(x, representation, eps);
    PointRows points(x.rows(), 3);
    for (Index row = 0; row < x.rows(); ++row) {
        Eigen::RowVector3d point = projected.row(row) * scales.factor(row);
        // y has no component along 1 by definition; the product only adds rounding there.
        if (representation == Representation::LnStandardized) point.z() = 0.0;
        const double length = point.norm();
        if (placement == Placement::TrueRadius && length > 0) point *= scales.norm(row) / length;
        points.row(row) = point.cast<float>();
    }
    return points;
}

}  // namespace

RowScales row_scales(const RowMatrixD& x, Representation representation, double eps) {
    const double d = double(x.cols());
    const bool centred = representation == Representation::LnStandardized;
    const bool standardized = centred || representation == Representation::RmsStandardized;
    // ‖x⊥‖² for y, ‖x‖² otherwise.
    Eigen::ArrayXd squares = x.rowwise().squaredNorm().array();
    if (centred) {
        // The means held once: inside the row-wise reduction Eigen would compute every row's
        // mean again for each row, O(n²·d) (minutes for the ellipsoid's 20000 rows at d = 1024).
        const Eigen::VectorXd means = x.rowwise().mean();
        squares = (x.colwise() - means).rowwise().squaredNorm().array();
    }
    Eigen::ArrayXd factor = Eigen::ArrayXd::Ones(x.rows());
    if (standardized) {
        const Eigen::ArrayXd scale = (squares / d + eps).sqrt();
        factor = (scale > 0).select(scale.inverse(), kNaN);
    }
    const auto finite = ((x.array() - x.array()) == 0).rowwise().all();
    factor = finite.select(factor, kNaN);
    return {factor, squares.sqrt() * factor};
}

PointRows project_rows(const RowBlock& rows, Representation representation, Placement placement,
                       const BasisAxes& axes, double eps) {
    return std::visit(
        [&](const auto& matrix) { return project(matrix, representation, placement, axes, eps); },
        rows.rows);
}

}  // namespace lngeom
