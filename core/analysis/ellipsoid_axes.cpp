#include "core/analysis/ellipsoid_axes.h"

#include <Eigen/SVD>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/analysis/secular_equation.h"

namespace lngeom {

namespace {

// Columns in the order of ascending lengths, each direction's largest coordinate positive.
EllipsoidAxes ascending(const Eigen::VectorXd& lengths, const Eigen::MatrixXd& directions) {
    std::vector<Index> order(size_t(lengths.size()));
    std::iota(order.begin(), order.end(), Index(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](Index a, Index b) { return lengths(a) < lengths(b); });
    EllipsoidAxes axes{Eigen::VectorXd(lengths.size()),
                       Eigen::MatrixXd(directions.rows(), lengths.size())};
    for (Index k = 0; k < lengths.size(); ++k) {
        axes.lengths(k) = lengths(order[size_t(k)]);
        Eigen::VectorXd v = directions.col(order[size_t(k)]);
        Index largest = 0;
        v.cwiseAbs().maxCoeff(&largest);
        axes.directions.col(k) = v(largest) < 0 ? Eigen::VectorXd(-v) : v;
    }
    return axes;
}

}  // namespace

Eigen::MatrixXd uniform_complement_basis(Index d) {
    // H = I − 2wwᵀ with w ∝ û − e_{d−1} maps e_{d−1} to û, so its other columns span 1⊥.
    Eigen::VectorXd w = Eigen::VectorXd::Constant(d, 1.0 / std::sqrt(double(d)));
    w(d - 1) -= 1.0;
    w.normalize();
    const Eigen::MatrixXd reflector = Eigen::MatrixXd::Identity(d, d) - 2.0 * w * w.transpose();
    return reflector.leftCols(d - 1);
}

EllipsoidAxes layer_norm_axes_by_svd(const Eigen::VectorXd& gamma) {
    const Index d = gamma.size();
    const Eigen::MatrixXd scaled = gamma.asDiagonal() * uniform_complement_basis(d);
    const Eigen::BDCSVD<Eigen::MatrixXd> svd(scaled, Eigen::ComputeThinU);
    return ascending(std::sqrt(double(d)) * svd.singularValues(), svd.matrixU());
}

EllipsoidAxes layer_norm_axes_by_secular(const Eigen::VectorXd& gamma) {
    const SecularEquation equation(gamma);
    const Index count = equation.root_count();
    EllipsoidAxes axes{Eigen::VectorXd(count), Eigen::MatrixXd(gamma.size(), count)};
    for (Index k = 0; k < count; ++k) {
        const SecularRoot root = equation.root(k);
        axes.lengths(k) = std::sqrt(double(gamma.size()) * root.mu);
        axes.directions.col(k) = equation.direction(root);
    }
    return axes;
}

EllipsoidAxes rms_norm_axes(const Eigen::VectorXd& gamma) {
    const Index d = gamma.size();
    return ascending(std::sqrt(double(d)) * gamma.cwiseAbs(), Eigen::MatrixXd::Identity(d, d));
}

Index interlacing_violation(const Eigen::VectorXd& gamma, const Eigen::VectorXd& lengths,
                            double relative) {
    if (lengths.size() != gamma.size() - 1)
        throw std::invalid_argument(
            "interlacing needs d − 1 = " + std::to_string(gamma.size() - 1) + " lengths, got " +
            std::to_string(lengths.size()));
    std::vector<double> magnitudes(size_t(gamma.size()));
    for (Index i = 0; i < gamma.size(); ++i) magnitudes[size_t(i)] = std::abs(gamma(i));
    std::sort(magnitudes.begin(), magnitudes.end());
    const double root_d = std::sqrt(double(gamma.size()));
    const double slack = relative * root_d * magnitudes.back();
    for (Index k = 0; k < lengths.size(); ++k) {
        const double below = root_d * magnitudes[size_t(k)];
        const double above = root_d * magnitudes[size_t(k) + 1];
        if (!(lengths(k) >= below - slack && lengths(k) <= above + slack)) return k;
    }
    return -1;
}

}  // namespace lngeom
