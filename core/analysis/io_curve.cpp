#include "core/analysis/io_curve.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "core/analysis/ellipsoid_tokens.h"

namespace lngeom {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kLowestExponent = -4, kHighestExponent = 4, kExponentStep = 0.125;
constexpr int kGoldenSteps = 60;
constexpr int kNewtonSteps = 100;

double sum_of_squares(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y, double alpha) {
    return ((alpha * x).tanh() - y).square().sum();
}

// The α of the grid ±10^e (and 0) with the smallest sum, and its neighbours on the grid.
void scan(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y, double& low, double& best,
          double& high) {
    std::vector<double> grid{0.0};
    for (double e = kLowestExponent; e <= kHighestExponent + 1e-9; e += kExponentStep) {
        grid.push_back(std::pow(10.0, e));
        grid.push_back(-std::pow(10.0, e));
    }
    std::sort(grid.begin(), grid.end());
    size_t chosen = 0;
    double smallest = std::numeric_limits<double>::infinity();
    for (size_t k = 0; k < grid.size(); ++k) {
        const double value = sum_of_squares(x, y, grid[k]);
        if (value < smallest) smallest = value, chosen = k;
    }
    best = grid[chosen];
    low = grid[chosen == 0 ? 0 : chosen - 1];
    high = grid[std::min(chosen + 1, grid.size() - 1)];
}

double golden_section(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y, double low, double high) {
    const double ratio = (std::sqrt(5.0) - 1) / 2;
    double a = high - ratio * (high - low), b = low + ratio * (high - low);
    double fa = sum_of_squares(x, y, a), fb = sum_of_squares(x, y, b);
    for (int step = 0; step < kGoldenSteps; ++step) {
        if (fa < fb) {
            high = b, b = a, fb = fa;
            a = high - ratio * (high - low), fa = sum_of_squares(x, y, a);
        } else {
            low = a, a = b, fa = fb;
            b = low + ratio * (high - low), fb = sum_of_squares(x, y, b);
        }
    }
    return (low + high) / 2;
}

// Gauss–Newton on r_j = tanh(α x_j) − y_j until the step vanishes. With residuals left over
// it converges linearly, and near the minimum the sum no longer resolves the steps, so a step
// is refused only when it raises the sum beyond rounding.
double polish(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y, double alpha) {
    double value = sum_of_squares(x, y, alpha);
    for (int step = 0; step < kNewtonSteps; ++step) {
        const Eigen::ArrayXd t = (alpha * x).tanh();
        const Eigen::ArrayXd slope = x * (1 - t.square());
        const double curvature = slope.square().sum();
        if (!(curvature > 0)) break;
        const double change = ((t - y) * slope).sum() / curvature;
        const double next_value = sum_of_squares(x, y, alpha - change);
        if (!(next_value <= value * (1 + 1e-12))) break;
        alpha -= change, value = next_value;
        if (std::abs(change) <= 1e-15 * std::abs(alpha)) break;
    }
    return alpha;
}

}  // namespace

IoCurvePoints io_curve_points(NormKind kind, const RowMatrixD& x, double eps) {
    const RowMatrixD y = standardize_rows(kind, x, eps);
    const Index d = x.cols();
    std::vector<Index> kept;
    for (Index row = 0; row < x.rows(); ++row)
        if (y.row(row).allFinite() && x.row(row).allFinite()) kept.push_back(row);
    IoCurvePoints points;
    const Index n = Index(kept.size()) * d;
    points.input.resize(n), points.output.resize(n), points.token.resize(n),
        points.channel.resize(n);
    for (size_t k = 0; k < kept.size(); ++k)
        for (Index i = 0; i < d; ++i) {
            const Index j = Index(k) * d + i;
            points.input(j) = x(kept[k], i);
            points.output(j) = y(kept[k], i);
            points.token(j) = int(kept[k]);
            points.channel(j) = int(i);
        }
    return points;
}

TanhFit fit_tanh(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y) {
    if (x.size() != y.size())
        throw std::invalid_argument("the tanh fit needs as many outputs as inputs");
    if (x.size() == 0) return {kNaN, kNaN, 0};
    double low = 0, best = 0, high = 0;
    scan(x, y, low, best, high);
    const double alpha = polish(x, y, golden_section(x, y, low, high));
    return {alpha, std::sqrt(sum_of_squares(x, y, alpha) / double(x.size())), x.size()};
}

Density2D density_of(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y, int nx, int ny, double x_low,
                     double x_high, double y_low, double y_high) {
    if (nx < 1 || ny < 1 || !(x_high > x_low) || !(y_high > y_low) ||
        !std::isfinite(x_high - x_low) || !std::isfinite(y_high - y_low))
        throw std::invalid_argument(
            "a density needs at least one cell and finite, non-empty "
            "ranges");
    Density2D density{x_low, x_high, y_low, y_high, Eigen::MatrixXd::Zero(ny, nx)};
    const double x_scale = nx / (x_high - x_low), y_scale = ny / (y_high - y_low);
    for (Index j = 0; j < x.size(); ++j) {
        if (!(x(j) >= x_low && x(j) <= x_high && y(j) >= y_low && y(j) <= y_high)) continue;
        const int column = std::min(nx - 1, int((x(j) - x_low) * x_scale));
        const int row = std::min(ny - 1, int((y(j) - y_low) * y_scale));
        density.counts(row, column) += 1;
    }
    return density;
}

}  // namespace lngeom
