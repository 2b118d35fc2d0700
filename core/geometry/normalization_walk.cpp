#include "core/geometry/normalization_walk.h"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <limits>
#include <numbers>

#include "core/errors.h"
#include "core/metrics/token_metrics.h"

namespace lngeom {
namespace {

constexpr double kDegrees = 180.0 / std::numbers::pi;

double angle_to_uniform_deg(const Eigen::VectorXd& v) {
    const double c = v.sum() / std::sqrt(double(v.size()));
    const double orthogonal = (v.array() - v.mean()).matrix().norm();
    if (!(orthogonal > 0) && c == 0) return std::numeric_limits<double>::quiet_NaN();
    return std::atan2(orthogonal, c) * kDegrees;
}

WalkStage stage(std::string title, std::string formula, Eigen::VectorXd vector,
                Eigen::VectorXd removed = {}) {
    if (removed.size() == 0) removed = Eigen::VectorXd::Zero(vector.size());
    const double norm = vector.norm();
    const double angle = angle_to_uniform_deg(vector);
    return {
        std::move(title), std::move(formula), std::move(vector), std::move(removed), norm, angle};
}

WalkNumbers numbers_of(const Eigen::VectorXd& x, double eps, const NormAffine& affine) {
    RowMatrixD values;
    std::vector<std::uint8_t> flags;
    token_metrics(RowBlock{0, RowMatrixD(x.transpose())}, nullptr, eps, values, flags);
    if (flags[0] & kInputInvalidMask)
        throw RequestError("", "",
                           "the token's vector is constant, zero or not finite: "
                           "it has no direction ⊥ 1 to normalize");
    const auto value = [&](Metric metric) { return values(0, column_of(metric)); };
    WalkNumbers numbers;
    numbers.d = x.size();
    numbers.mean = x.mean();
    numbers.uniform_component = value(Metric::UniformComponent);
    numbers.norm = value(Metric::Norm);
    numbers.sigma = value(Metric::Sigma);
    numbers.orthogonal_norm = std::sqrt(double(x.size())) * numbers.sigma;
    numbers.rms = value(Metric::Rms);
    numbers.angle_to_uniform_deg = value(Metric::AngleToUniformDeg);
    numbers.eps = eps;
    numbers.has_gamma = affine.gamma.has_value();
    numbers.has_beta = affine.beta.has_value();
    return numbers;
}

std::string gain_formula(const NormAffine& affine, const std::string& of) {
    const std::string gamma = affine.convention == GammaConvention::OnePlusWeight ? "(1 + γ)" : "γ";
    return gamma + " ⊙ " + of + (affine.gamma ? "" : "   (no γ stored: γ = 1)");
}

std::vector<WalkStage> layer_norm_path(const Eigen::VectorXd& x, const WalkNumbers& numbers,
                                       const NormAffine& affine) {
    const Eigen::VectorXd removed = Eigen::VectorXd::Constant(x.size(), numbers.mean);
    const Eigen::VectorXd orthogonal = x - removed;
    const Eigen::VectorXd unit = orthogonal / orthogonal.norm();
    const Eigen::VectorXd y = orthogonal / std::sqrt(numbers.sigma * numbers.sigma + numbers.eps);
    Eigen::VectorXd output = effective_gamma(affine, x.size()).cwiseProduct(y);
    if (affine.beta) output += *affine.beta;
    const std::string bias = affine.beta ? " + β" : "   (no β stored)";
    std::vector<WalkStage> path;
    path.push_back(stage("the vector entering the norm", "x", x));
    path.push_back(
        stage("remove the component along 1", "x⊥ = x − μ·1,  μ = c/√d", orthogonal, removed));
    path.push_back(stage("normalize", "x⊥ / ‖x⊥‖", unit));
    path.push_back(stage("scale by √d (ε shrinks it by 1/√(1 + ε/σ²))",
                         "y = x⊥ / √(σ² + ε) = √d · x⊥/‖x⊥‖ / √(1 + ε/σ²)", y));
    path.push_back(stage("gain and bias", gain_formula(affine, "y") + bias, output));
    return path;
}

std::vector<WalkStage> rms_norm_path(const Eigen::VectorXd& x, const WalkNumbers& numbers,
                                     const NormAffine& affine) {
    const Eigen::VectorXd unit = x / numbers.norm;
    const Eigen::VectorXd r = x / std::sqrt(numbers.rms * numbers.rms + numbers.eps);
    std::vector<WalkStage> path;
    path.push_back(stage("the vector entering the norm", "x", x));
    path.push_back(stage("nothing removed: RMSNorm keeps the component along 1", "x", x));
    path.push_back(stage("normalize", "x / ‖x‖", unit));
    path.push_back(stage("scale by √d (ε shrinks it by 1/√(1 + ε/rms²))",
                         "r = x / √(rms² + ε) = √d · x/‖x‖ / √(1 + ε/rms²)", r));
    path.push_back(stage("gain (this site's γ)", gain_formula(affine, "r"),
                         effective_gamma(affine, x.size()).cwiseProduct(r)));
    return path;
}

// Of the coordinate axes, the one farthest from span{û, h}, made orthogonal to both.
Eigen::VectorXd any_direction_orthogonal_to(const Eigen::VectorXd& uniform,
                                            const Eigen::VectorXd& h) {
    Index k = 0;
    h.cwiseAbs().minCoeff(&k);
    Eigen::VectorXd e = Eigen::VectorXd::Unit(h.size(), k);
    e -= uniform * uniform.dot(e) + h * h.dot(e);
    return e.normalized();
}

}  // namespace

NormalizationWalk walk_normalization(const Eigen::VectorXd& x, double eps,
                                     const NormAffine& affine) {
    NormalizationWalk walk;
    walk.numbers = numbers_of(x, eps, affine);
    walk.layer_norm = layer_norm_path(x, walk.numbers, affine);
    walk.rms_norm = rms_norm_path(x, walk.numbers, affine);
    return walk;
}

BasisAxes walk_basis(const NormalizationWalk& walk) {
    const Index d = walk.numbers.d;
    if (d < 3) throw RequestError("", "", "drawing a walk needs d ≥ 3");
    const Eigen::VectorXd uniform = Eigen::VectorXd::Constant(d, 1.0 / std::sqrt(double(d)));
    const Eigen::VectorXd h = walk.layer_norm[1].vector.normalized();
    const Eigen::VectorXd& output = walk.layer_norm.back().vector;
    Eigen::VectorXd rest = output - uniform * uniform.dot(output) - h * h.dot(output);
    if (!(rest.norm() > 1e-12 * output.norm())) rest = any_direction_orthogonal_to(uniform, h);
    BasisAxes axes(d, 3);
    axes << h, rest.normalized(), uniform;
    return axes;
}

double distance_outside(const BasisAxes& axes, const Eigen::VectorXd& vector) {
    return (vector - axes * (axes.transpose() * vector)).norm();
}

BasisAxes shared_walk_basis(const std::vector<const NormalizationWalk*>& walks) {
    if (walks.empty()) throw RequestError("", "", "no walk to draw");
    const Index d = walks.front()->numbers.d, k = Index(walks.size());
    Eigen::MatrixXd directions(d, k);
    for (Index i = 0; i < k; ++i) {
        if (walks[std::size_t(i)]->numbers.d != d)
            throw RequestError("", "", "walks of different d cannot share a basis");
        directions.col(i) = walks[std::size_t(i)]->layer_norm[1].vector.normalized();
    }
    // The k × k Gram matrix instead of the d × d second moment: its eigenvectors v give the
    // principal directions U·v, which lie ⊥ 1 because every column of U does.
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(directions.transpose() *
                                                                directions);
    const Eigen::VectorXd& values = solver.eigenvalues();  // ascending
    if (k < 2 || !(values(k - 2) > 1e-12 * values(k - 1))) return walk_basis(*walks.front());
    BasisAxes axes(d, 3);
    for (int axis = 0; axis < 2; ++axis) {
        Eigen::VectorXd direction = directions * solver.eigenvectors().col(k - 1 - axis);
        // The first token's x⊥ on the positive side, so the picture does not flip at random.
        if (direction.dot(directions.col(0)) < 0) direction = -direction;
        axes.col(axis) = direction.normalized();
    }
    axes.col(2) = Eigen::VectorXd::Constant(d, 1.0 / std::sqrt(double(d)));
    return axes;
}

BasisAxes r3_walk_basis() {
    BasisAxes axes(3, 3);
    axes.col(0) = Eigen::Vector3d(1.0, -1.0, 0.0) / std::sqrt(2.0);
    axes.col(1) = Eigen::Vector3d(1.0, 1.0, -2.0) / std::sqrt(6.0);
    axes.col(2) = Eigen::Vector3d(1.0, 1.0, 1.0) / std::sqrt(3.0);
    return axes;
}

Eigen::Vector3d walk_placement(const BasisAxes& axes, const Eigen::VectorXd& vector) {
    const double along = axes.col(2).dot(vector);
    const double length = (vector - axes.col(2) * along).norm();
    const Eigen::Vector2d drawn = axes.leftCols<2>().transpose() * vector;
    Eigen::Vector3d placed(0.0, 0.0, along);
    if (drawn.norm() > 0) placed.head<2>() = drawn * (length / drawn.norm());
    return placed;
}

}  // namespace lngeom
