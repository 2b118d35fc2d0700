#pragma once
// A norm site's affine step: the output is γ ⊙ y + β (or (1 + γ) ⊙ y + β in Gemma's convention)
// for the standardized vector y. Dumps may store neither, either or both.

#include <Eigen/Core>
#include <optional>

#include "core/io/dump.h"

namespace lngeom {

struct NormAffine {
    std::optional<Eigen::VectorXd> gamma;  // d, as stored; absent: γ = 1
    std::optional<Eigen::VectorXd> beta;   // d; absent: β = 0
    GammaConvention convention = GammaConvention::Weight;
};

// The site's γ and β as stored, with its convention; IoError/FormatError from the dump.
NormAffine read_norm_affine(const Dump& dump, std::size_t site);

// The factor each coordinate of y is multiplied by (d): γ, 1 + γ in Gemma's convention, or ones
// when no γ is stored.
Eigen::VectorXd effective_gamma(const NormAffine& affine, Index d);
// β, or zeros (d) when none is stored.
Eigen::VectorXd effective_beta(const NormAffine& affine, Index d);

}  // namespace lngeom
