#include "core/analysis/ellipsoid_tokens.h"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/geometry/projection.h"

namespace lngeom {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Directions are formed this many at a time, so that z times them is one matrix product.
constexpr Index kAxesPerBatch = 64;

}  // namespace

RowMatrixD standardize_rows(NormKind kind, const RowMatrixD& x, double eps) {
    if (kind == NormKind::LayerNorm) {
        const Eigen::ArrayXd factor = row_scales(x, Representation::LnStandardized, eps).factor;
        return factor.matrix().asDiagonal() * (x.colwise() - x.rowwise().mean());
    }
    if (kind == NormKind::RmsNorm) {
        const Eigen::ArrayXd factor = row_scales(x, Representation::RmsStandardized, eps).factor;
        return factor.matrix().asDiagonal() * x;
    }
    throw std::invalid_argument("standardization needs a LayerNorm or RMSNorm site");
}

Eigen::VectorXd shell_radii(const RowMatrixD& y) {
    return y.rowwise().norm() / std::sqrt(double(y.cols()));
}

RowMatrixD axis_occupancy(const RowMatrixD& z, const EllipsoidAxes& axes) {
    RowMatrixD along = z * axes.directions;
    for (Index k = 0; k < along.cols(); ++k) {
        const double length = axes.lengths(k);
        along.col(k) = length > 0 ? (along.col(k) / length).cwiseAbs2().eval()
                                  : Eigen::VectorXd::Constant(z.rows(), kNaN);
    }
    return along;
}

Eigen::VectorXd mean_axis_occupancy(const SecularEquation& equation, const RowMatrixD& z) {
    const Index count = equation.root_count();
    Eigen::VectorXd mean(count);
    for (Index first = 0; first < count; first += kAxesPerBatch) {
        const Index batch = std::min(kAxesPerBatch, count - first);
        EllipsoidAxes axes{Eigen::VectorXd(batch), Eigen::MatrixXd(equation.d(), batch)};
        for (Index k = 0; k < batch; ++k) {
            const SecularRoot root = equation.root(first + k);
            axes.lengths(k) = std::sqrt(double(equation.d()) * root.mu);
            axes.directions.col(k) = equation.direction(root);
        }
        mean.segment(first, batch) = axis_occupancy(z, axes).colwise().mean().transpose();
    }
    return mean;
}

}  // namespace lngeom
