#include "core/analysis/teaching_ellipse.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

#include "core/geometry/normalization_walk.h"

namespace lngeom {

TeachingEllipse teaching_ellipse(const Eigen::Vector3d& gamma, const Eigen::Vector3d& beta,
                                 int samples) {
    if (!gamma.allFinite() || !beta.allFinite())
        throw std::invalid_argument("γ and β must be finite");
    samples = std::max(samples, 3);
    const BasisAxes basis = r3_walk_basis();
    TeachingEllipse teaching;
    teaching.circle.resize(samples, 3);
    teaching.ellipse.resize(samples, 3);
    const double radius = std::sqrt(3.0);
    for (int s = 0; s < samples; ++s) {
        const double angle = 2 * std::numbers::pi * s / samples;
        const Eigen::Vector3d y =
            radius * (std::cos(angle) * basis.col(0) + std::sin(angle) * basis.col(1));
        teaching.circle.row(s) = y.transpose();
        teaching.ellipse.row(s) = (gamma.cwiseProduct(y) + beta).transpose();
    }
    teaching.axes = layer_norm_axes_by_secular(gamma);
    teaching.summary = summarize_ellipsoid(NormKind::LayerNorm, gamma, beta);
    teaching.normal = (gamma.array() != 0).all()
                          ? Eigen::Vector3d(gamma.cwiseInverse().normalized())
                          : Eigen::Vector3d::Constant(std::numeric_limits<double>::quiet_NaN());
    return teaching;
}

}  // namespace lngeom
