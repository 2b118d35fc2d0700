#include "core/geometry/projection_basis.h"

#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <cmath>
#include <limits>
#include <random>

#include "core/errors.h"

namespace lngeom {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Eigen::VectorXd uniform_direction(Index d) {
    return Eigen::VectorXd::Constant(d, 1.0 / std::sqrt(double(d)));
}

// x⊥ = x − μ1 of every finite row of the block, in double (n_finite × d).
RowMatrixD orthogonal_rows(const RowBlock& block) {
    RowMatrixD x = std::visit(
        [](const auto& rows) { return RowMatrixD(rows.template cast<double>()); }, block.rows);
    Index kept = 0;
    for (Index row = 0; row < x.rows(); ++row)
        if (x.row(row).allFinite()) x.row(kept++) = x.row(row);
    x.conservativeResize(kept, Eigen::NoChange);
    x.colwise() -= x.rowwise().mean();
    return x;
}

// C·Q for the covariance C of the x⊥ cloud, its trace (the total variance) and the row count.
struct CloudProduct {
    Eigen::MatrixXd product;
    double trace = kNaN;
    Index n = 0;
};

// One pass. Rows are shifted by the stream's first finite row before accumulating, so a cloud
// far from the origin (a massive activation in every token) keeps its digits.
CloudProduct covariance_times(const BlockSource& rows, const Eigen::MatrixXd& q) {
    Eigen::MatrixXd sum_product = Eigen::MatrixXd::Zero(q.rows(), q.cols());
    Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(q.rows()), shift;
    double squares = 0;
    Index n = 0;
    rows([&](const RowBlock& block) {
        RowMatrixD x = orthogonal_rows(block);
        if (x.rows() == 0) return;
        if (n == 0) shift = x.row(0);
        x.rowwise() -= shift;
        sum_product.noalias() += x.transpose() * (x * q);
        sum += x.colwise().sum();
        squares += x.squaredNorm();
        n += x.rows();
    });
    if (n == 0) return {Eigen::MatrixXd::Zero(q.rows(), q.cols()), kNaN, 0};
    const Eigen::VectorXd mean = sum.transpose() / double(n);
    CloudProduct result;
    result.product = (sum_product - double(n) * mean * (mean.transpose() * q)) / double(n);
    result.trace = (squares - double(n) * mean.squaredNorm()) / double(n);
    result.n = n;
    return result;
}

// Orthonormal columns spanning the part of `z` orthogonal to `fixed` (orthonormal columns).
Eigen::MatrixXd orthonormalize_against(Eigen::MatrixXd z, const Eigen::MatrixXd& fixed) {
    for (int repeat = 0; repeat < 2; ++repeat) z -= fixed * (fixed.transpose() * z);
    Eigen::HouseholderQR<Eigen::MatrixXd> qr(z);
    Eigen::MatrixXd q = qr.householderQ() * Eigen::MatrixXd::Identity(z.rows(), z.cols());
    for (int repeat = 0; repeat < 2; ++repeat) q -= fixed * (fixed.transpose() * q);
    return q.colwise().normalized();
}

// A direction's sign is arbitrary: make its largest coordinate positive, so results repeat.
void fix_signs(Eigen::MatrixXd& directions) {
    for (Index c = 0; c < directions.cols(); ++c) {
        Index largest = 0;
        directions.col(c).cwiseAbs().maxCoeff(&largest);
        if (directions(largest, c) < 0) directions.col(c) *= -1.0;
    }
}

struct Ritz {
    Eigen::MatrixXd directions;  // d × wanted
    Eigen::VectorXd values;      // wanted variances, descending
    double trace = kNaN;
    Index n = 0;
};

// The Rayleigh–Ritz pairs of C on span(q), largest first.
Ritz rayleigh_ritz(const Eigen::MatrixXd& q, const CloudProduct& cq, Index wanted) {
    Eigen::MatrixXd projected = q.transpose() * cq.product;
    projected = 0.5 * (projected + projected.transpose()).eval();
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(projected);
    return {q * eigen.eigenvectors().rightCols(wanted).rowwise().reverse(),
            eigen.eigenvalues().tail(wanted).reverse(), cq.trace, cq.n};
}

bool converged(const Eigen::VectorXd& values, const Eigen::VectorXd& previous, double tolerance) {
    if (previous.size() != values.size()) return false;
    const double scale = std::max(values.cwiseAbs().maxCoeff(), std::numeric_limits<double>::min());
    return (values - previous).cwiseAbs().maxCoeff() <= tolerance * scale;
}

// The `wanted` top principal directions of the x⊥ cloud orthogonal to `fixed`.
Ritz top_directions(const BlockSource& rows, Index d, const Eigen::MatrixXd& fixed, Index wanted,
                    const PrincipalOptions& options) {
    const Index k = std::min<Index>(wanted + options.oversample, d - fixed.cols());
    std::mt19937_64 generator(options.seed);
    std::normal_distribution<double> gaussian;
    Eigen::MatrixXd start(d, k);
    for (Index i = 0; i < start.size(); ++i) start.data()[i] = gaussian(generator);
    Eigen::MatrixXd q = orthonormalize_against(start, fixed);
    Ritz ritz;
    for (int iteration = 0; iteration < std::max(1, options.max_iterations); ++iteration) {
        const CloudProduct cq = covariance_times(rows, q);
        const Eigen::VectorXd previous = ritz.values;
        ritz = rayleigh_ritz(q, cq, wanted);
        if (cq.n == 0 || !(cq.trace > 0) || converged(ritz.values, previous, options.tolerance))
            break;
        q = orthonormalize_against(cq.product, fixed);
    }
    fix_signs(ritz.directions);
    return ritz;
}

ProjectionBasis basis_from(const Eigen::VectorXd& first, const Eigen::VectorXd& second,
                           const BlockSource& rows, std::array<std::string, 2> names) {
    ProjectionBasis basis;
    basis.axes.resize(first.size(), 3);
    basis.axes << first, second, uniform_direction(first.size());
    basis.axis_names = std::move(names);
    basis.variance_share = variance_share(rows, basis.axes, &basis.rows_used);
    return basis;
}

void require_dimension(Index d, Index minimum) {
    if (d < minimum)
        throw RequestError("", "",
                           "a projection basis needs d ≥ " + std::to_string(minimum) + ", not " +
                               std::to_string(d));
}

}  // namespace

Eigen::Vector2d variance_share(const BlockSource& rows, const BasisAxes& axes, Index* rows_used) {
    const CloudProduct cq = covariance_times(rows, axes.leftCols(2));
    if (rows_used) *rows_used = cq.n;
    if (!(cq.trace > 0)) return Eigen::Vector2d::Constant(kNaN);
    const Eigen::MatrixXd horizontal = axes.leftCols(2);
    return horizontal.cwiseProduct(cq.product).colwise().sum().transpose() / cq.trace;
}

ProjectionBasis principal_basis(const BlockSource& rows, Index d, const PrincipalOptions& options) {
    require_dimension(d, 3);
    const Ritz ritz = top_directions(rows, d, uniform_direction(d), 2, options);
    ProjectionBasis basis;
    basis.axes.resize(d, 3);
    basis.axes << ritz.directions, uniform_direction(d);
    basis.axis_names = {"PC1", "PC2"};
    basis.rows_used = ritz.n;
    basis.variance_share = ritz.trace > 0 ? Eigen::Vector2d(ritz.values / ritz.trace)
                                          : Eigen::Vector2d::Constant(kNaN);
    return basis;
}

ProjectionBasis coordinate_basis(const BlockSource& rows, Index d, Index i, Index j) {
    require_dimension(d, 3);
    if (i == j || i < 0 || j < 0 || i >= d || j >= d)
        throw RequestError(
            "", "",
            "coordinate axes need two different coordinates in [0, " + std::to_string(d) + ")");
    Eigen::MatrixXd pair = Eigen::MatrixXd::Zero(d, 2);
    pair(i, 0) = 1.0;
    pair(j, 1) = 1.0;
    const Eigen::MatrixXd axes = orthonormalize_against(pair, uniform_direction(d));
    return basis_from(axes.col(0), axes.col(1), rows,
                      {"x[" + std::to_string(i) + "]⊥", "x[" + std::to_string(j) + "]⊥"});
}

ProjectionBasis token_basis(const BlockSource& rows, const Eigen::VectorXd& x,
                            const PrincipalOptions& options) {
    const Index d = x.size();
    require_dimension(d, 3);
    const Eigen::VectorXd orthogonal = x.array() - x.mean();
    if (!(orthogonal.norm() > 0))
        throw RequestError("", "", "the token's vector is constant: it has no direction ⊥ 1");
    Eigen::MatrixXd fixed(d, 2);
    fixed << uniform_direction(d), orthogonal.normalized();
    const Ritz rest = top_directions(rows, d, fixed, 1, options);
    return basis_from(fixed.col(1), rest.directions.col(0), rows, {"token x⊥", "PC1 of the rest"});
}

ProjectionBasis random_basis(const BlockSource& rows, Index d, std::uint64_t seed) {
    require_dimension(d, 3);
    std::mt19937_64 generator(seed);
    std::normal_distribution<double> gaussian;
    Eigen::MatrixXd pair(d, 2);
    for (Index i = 0; i < pair.size(); ++i) pair.data()[i] = gaussian(generator);
    const Eigen::MatrixXd axes = orthonormalize_against(pair, uniform_direction(d));
    return basis_from(axes.col(0), axes.col(1), rows, {"random 1", "random 2"});
}

}  // namespace lngeom
