#pragma once
// Synthetic hidden-vector clouds for the projection tests: an anisotropic Gaussian cloud with
// well separated principal variances, offset from the origin and along 1 like real activations.

#include <Eigen/Core>
#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <random>

#include "core/io/dump.h"

namespace lngeom::test {

// n × d rows: mean + z·diag(scales)·R with R a random rotation; scales 10, 6, 3, then 1.
inline RowMatrixD anisotropic_cloud(Index n, Index d, double uniform_offset, unsigned seed) {
    std::mt19937_64 generator(seed);
    std::normal_distribution<double> gaussian;
    Eigen::MatrixXd random(d, d);
    for (Index i = 0; i < random.size(); ++i) random.data()[i] = gaussian(generator);
    const Eigen::MatrixXd rotation = Eigen::HouseholderQR<Eigen::MatrixXd>(random).householderQ();
    Eigen::VectorXd scales = Eigen::VectorXd::Ones(d);
    scales.head(3) << 10.0, 6.0, 3.0;
    Eigen::RowVectorXd mean(d);
    for (Index i = 0; i < d; ++i) mean(i) = 5.0 * gaussian(generator) + uniform_offset;
    RowMatrixD rows(n, d);
    for (Index i = 0; i < rows.size(); ++i) rows.data()[i] = gaussian(generator);
    rows = (rows * scales.asDiagonal() * rotation.transpose()).rowwise() + mean;
    return rows;
}

// The covariance (d × d) of the x⊥ cloud of `rows`, computed densely.
inline Eigen::MatrixXd dense_orthogonal_covariance(const RowMatrixD& rows) {
    RowMatrixD orthogonal = rows.colwise() - rows.rowwise().mean();
    orthogonal.rowwise() -= orthogonal.colwise().mean();
    return orthogonal.transpose() * orthogonal / double(rows.rows());
}

}  // namespace lngeom::test
