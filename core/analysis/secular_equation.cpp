#include "core/analysis/secular_equation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace lngeom {

namespace {

constexpr int kMaxIterations = 200;

// Makes the largest-magnitude coordinate positive, so both routes give comparable directions.
void fix_sign(Eigen::VectorXd& v) {
    Eigen::Index largest = 0;
    v.cwiseAbs().maxCoeff(&largest);
    if (v(largest) < 0) v = -v;
}

}  // namespace

SecularEquation::SecularEquation(const Eigen::VectorXd& gamma) : gamma_(gamma) {
    if (gamma.size() < 2)
        throw std::invalid_argument("the γ-ellipsoid needs d ≥ 2, got d = " +
                                    std::to_string(gamma.size()));
    if (!gamma.allFinite()) throw std::invalid_argument("γ has non-finite values");
    order_.resize(size_t(gamma.size()));
    std::iota(order_.begin(), order_.end(), Eigen::Index(0));
    std::stable_sort(order_.begin(), order_.end(), [&](Eigen::Index a, Eigen::Index b) {
        return gamma(a) * gamma(a) < gamma(b) * gamma(b);
    });
    for (Eigen::Index i : order_) squares_.push_back(gamma(i) * gamma(i));
}

void SecularEquation::evaluate(double origin, double offset, double& value, double& slope) const {
    value = slope = 0;
    for (double square : squares_) {
        const double inverse = 1.0 / ((square - origin) - offset);
        value += inverse;
        slope += inverse * inverse;
    }
}

// The root in (a, b): the sum rises from −∞ just above a to +∞ just below b. Its sign at the
// midpoint tells which end is nearer; the offset from that end is found by Newton steps kept
// inside a shrinking bracket (bisection whenever a step would leave it).
SecularRoot SecularEquation::root(Eigen::Index k) const {
    if (k < 0 || k >= root_count())
        throw std::out_of_range("secular root " + std::to_string(k) + " of " +
                                std::to_string(root_count()));
    const double a = squares_[size_t(k)], b = squares_[size_t(k) + 1];
    if (a == b) return {k, a, a, 0.0, true};
    const double half = (b - a) / 2;
    double value = 0, slope = 0;
    evaluate(a, half, value, slope);
    const bool from_lower = value >= 0;
    const double origin = from_lower ? a : b;
    double low = from_lower ? 0.0 : -half, high = from_lower ? half : 0.0;
    double offset = (low + high) / 2;
    for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
        evaluate(origin, offset, value, slope);
        if (value == 0) break;
        (value > 0 ? high : low) = offset;
        const double newton = offset - value / slope;
        const double next = newton > low && newton < high ? newton : (low + high) / 2;
        const double resolution =
            4 * std::numeric_limits<double>::epsilon() * std::max(std::abs(low), std::abs(high));
        if (std::abs(next - offset) <= resolution || high - low <= resolution) break;
        offset = next;
    }
    return {k, origin + offset, origin, offset, false};
}

std::vector<SecularRoot> SecularEquation::roots() const {
    std::vector<SecularRoot> all;
    all.reserve(size_t(root_count()));
    for (Eigen::Index k = 0; k < root_count(); ++k) all.push_back(root(k));
    return all;
}

Eigen::VectorXd SecularEquation::direction(const SecularRoot& root) const {
    if (root.repeated) return repeated_direction(root);
    Eigen::VectorXd v(d());
    for (Eigen::Index i = 0; i < d(); ++i)
        v(i) = gamma_(i) / ((gamma_(i) * gamma_(i) - root.origin) - root.offset);
    v.normalize();
    fix_sign(v);
    return v;
}

// A run of m equal γᵢ² (sorted positions first … last) holds m − 1 roots at that value; root k
// takes the (k − first)-th of the m − 1 columns of the Householder reflector that maps γ's run,
// normalized, to a coordinate axis: they are orthonormal and orthogonal to it. A run of zeros
// has γ = 0 on it, so its coordinate axes themselves serve.
Eigen::VectorXd SecularEquation::repeated_direction(const SecularRoot& root) const {
    const auto first_of_run = std::lower_bound(squares_.begin(), squares_.end(), root.mu);
    const auto end_of_run = std::upper_bound(squares_.begin(), squares_.end(), root.mu);
    const Eigen::Index first = first_of_run - squares_.begin();
    const Eigen::Index m = end_of_run - first_of_run;
    const Eigen::Index column = root.k - first + 1;  // 1 … m − 1
    Eigen::VectorXd v = Eigen::VectorXd::Zero(d());
    Eigen::VectorXd run(m);
    for (Eigen::Index j = 0; j < m; ++j) run(j) = gamma_(order_[size_t(first + j)]);
    if (run.norm() == 0) {
        v(order_[size_t(first + column)]) = 1;
        return v;
    }
    Eigen::VectorXd w = run.normalized();
    w(0) += w(0) >= 0 ? 1.0 : -1.0;  // u + sign(u₀)·e₀: no cancellation
    w.normalize();
    for (Eigen::Index j = 0; j < m; ++j)
        v(order_[size_t(first + j)]) = (j == column ? 1.0 : 0.0) - 2 * w(j) * w(column);
    fix_sign(v);
    return v;
}

}  // namespace lngeom
