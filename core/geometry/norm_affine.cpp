#include "core/geometry/norm_affine.h"

namespace lngeom {

NormAffine read_norm_affine(const Dump& dump, std::size_t site) {
    return {dump.read_gamma(site), dump.read_beta(site),
            dump.info().sites.at(site).gamma_convention};
}

Eigen::VectorXd effective_gamma(const NormAffine& affine, Index d) {
    if (!affine.gamma) return Eigen::VectorXd::Ones(d);
    if (affine.convention == GammaConvention::OnePlusWeight) return affine.gamma->array() + 1.0;
    return *affine.gamma;
}

Eigen::VectorXd effective_beta(const NormAffine& affine, Index d) {
    return affine.beta ? *affine.beta : Eigen::VectorXd::Zero(d);
}

}  // namespace lngeom
