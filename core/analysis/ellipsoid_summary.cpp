#include "core/analysis/ellipsoid_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/analysis/secular_equation.h"

namespace lngeom {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// numpy's median of K ascending values given by `at(k)`.
template <typename At>
double median_of(Index count, At at) {
    const Index middle = (count - 1) / 2;
    return count % 2 ? at(middle) : (at(middle) + at(middle + 1)) / 2;
}

void set_spread(EllipsoidSummary& summary, double sum_squares, double sum_fourth) {
    summary.anisotropy = summary.axes_min > 0 ? summary.axes_max / summary.axes_min
                                              : std::numeric_limits<double>::infinity();
    summary.effective_axes = sum_fourth > 0 ? sum_squares * sum_squares / sum_fourth : kNaN;
}

// Σμ_k = trace(G² − γγᵀ/d) and Σμ_k² = ‖G² − γγᵀ/d‖²_F, so the effective number of axes needs
// no root at all; the extreme and median lengths take three or four.
void layer_norm_axes(EllipsoidSummary& summary, const Eigen::VectorXd& gamma) {
    const double d = double(gamma.size());
    const SecularEquation equation(gamma);
    const auto length = [&](Index k) { return std::sqrt(d * equation.root(k).mu); };
    summary.axis_count = equation.root_count();
    summary.axes_min = length(0);
    summary.axes_max = length(summary.axis_count - 1);
    summary.axes_median = median_of(summary.axis_count, length);
    const double squares = gamma.squaredNorm();
    const double fourth = gamma.array().square().square().sum();
    const double sum_mu = squares * (1 - 1 / d);
    const double sum_mu_squared = fourth * (1 - 2 / d) + squares * squares / (d * d);
    set_spread(summary, sum_mu, sum_mu_squared);
    summary.zero_axes = std::max<Index>(summary.zero_gammas - 1, 0);
}

void rms_norm_axes(EllipsoidSummary& summary, const Eigen::VectorXd& gamma) {
    std::vector<double> magnitudes(size_t(gamma.size()));
    for (Index i = 0; i < gamma.size(); ++i) magnitudes[size_t(i)] = std::abs(gamma(i));
    std::sort(magnitudes.begin(), magnitudes.end());
    const double root_d = std::sqrt(double(gamma.size()));
    const auto length = [&](Index k) { return root_d * magnitudes[size_t(k)]; };
    summary.axis_count = gamma.size();
    summary.axes_min = length(0);
    summary.axes_max = length(summary.axis_count - 1);
    summary.axes_median = median_of(summary.axis_count, length);
    set_spread(summary, gamma.squaredNorm(), gamma.array().square().square().sum());
    summary.zero_axes = summary.zero_gammas;
}

// n = G⁻¹·1 scaled by min|γ| so that no 1/γᵢ overflows; with zero γᵢ the outputs lie in
// {z : zᵢ = 0}, which for one zero is the hyperplane eᵢ⊥.
void layer_norm_hyperplane(EllipsoidSummary& summary, const Eigen::VectorXd& gamma,
                           const Eigen::VectorXd& beta) {
    const double root_d = std::sqrt(double(gamma.size()));
    if (summary.zero_gammas == 0) {
        const Eigen::VectorXd normal = gamma.cwiseAbs().minCoeff() * gamma.cwiseInverse();
        const Eigen::VectorXd unit = normal.normalized();
        summary.tilt_cos = normal.sum() / (root_d * normal.norm());
        const double along = unit.dot(beta);
        summary.beta_offplane = std::abs(along);
        summary.beta_inplane = (beta - along * unit).norm();
        return;
    }
    summary.tilt_cos = summary.zero_gammas == 1 ? 1 / root_d : kNaN;
    double outside = 0, inside = 0;
    for (Index i = 0; i < gamma.size(); ++i)
        (gamma(i) == 0 ? outside : inside) += beta(i) * beta(i);
    summary.beta_offplane = std::sqrt(outside);
    summary.beta_inplane = std::sqrt(inside);
}

}  // namespace

EllipsoidSummary summarize_ellipsoid(NormKind kind, const Eigen::VectorXd& gamma,
                                     const Eigen::VectorXd& beta) {
    if (kind != NormKind::LayerNorm && kind != NormKind::RmsNorm)
        throw std::invalid_argument("the γ-ellipsoid needs a LayerNorm or RMSNorm site");
    if (gamma.size() < 2 || beta.size() != gamma.size() || !gamma.allFinite() || !beta.allFinite())
        throw std::invalid_argument("γ and β must be finite vectors of one length d ≥ 2, got " +
                                    std::to_string(gamma.size()) + " and " +
                                    std::to_string(beta.size()));
    EllipsoidSummary summary;
    summary.zero_gammas = (gamma.array() == 0).count();
    summary.beta_uniform = beta.sum() / std::sqrt(double(gamma.size()));
    if (kind == NormKind::RmsNorm) {
        rms_norm_axes(summary, gamma);
        summary.tilt_cos = summary.beta_offplane = kNaN;
        summary.beta_inplane = beta.norm();
        return summary;
    }
    layer_norm_axes(summary, gamma);
    layer_norm_hyperplane(summary, gamma, beta);
    return summary;
}

}  // namespace lngeom
