#include "app/gaussian_demo_data.h"

#include <cmath>
#include <numbers>
#include <random>

namespace lngeom::app {
namespace {

constexpr double kDegrees = 180.0 / std::numbers::pi;
constexpr double kHistogramLow = 60.0;
constexpr double kHistogramHigh = 120.0;
constexpr int kHistogramBins = 60;

// atan2 rather than arccos keeps the angle accurate near 0° and 180° (DESIGN.md §1).
double angleToOneDegrees(const Eigen::VectorXd& x) {
    const double d = static_cast<double>(x.size());
    const double uniformComponent = x.sum() / std::sqrt(d);
    const double orthogonalNorm = (x.array() - x.mean()).matrix().norm();
    return std::atan2(orthogonalNorm, uniformComponent) * kDegrees;
}

// Two orthonormal directions orthogonal to 1: (1, −1, 0, …)/√2 and (1, 1, −2, 0, …)/√6.
Eigen::Matrix<double, Eigen::Dynamic, 2> inPlaneAxes(int dimension) {
    Eigen::Matrix<double, Eigen::Dynamic, 2> axes = Eigen::MatrixXd::Zero(dimension, 2);
    axes(0, 0) = 1.0;
    axes(1, 0) = -1.0;
    axes(0, 1) = 1.0;
    axes(1, 1) = 1.0;
    axes(2, 1) = -2.0;
    axes.col(0).normalize();
    axes.col(1).normalize();
    return axes;
}

Eigen::Vector3d scenePosition(const Eigen::VectorXd& x, double angleDegrees,
                              const Eigen::Matrix<double, Eigen::Dynamic, 2>& axes) {
    const Eigen::Vector2d inPlane = axes.transpose() * x;
    const double azimuth = std::atan2(inPlane.y(), inPlane.x());
    const double elevation = (90.0 - angleDegrees) / kDegrees;
    const double norm = x.norm();
    return {norm * std::cos(elevation) * std::cos(azimuth),
            norm * std::cos(elevation) * std::sin(azimuth), norm * std::sin(elevation)};
}

}  // namespace

GaussianDemoData makeGaussianDemoData(int dimension, int vectorCount, int shownCount,
                                      unsigned seed) {
    GaussianDemoData data;
    data.dimension = dimension;
    data.scene.sphereRadius = std::sqrt(static_cast<double>(dimension));
    data.scene.points.resize(3, shownCount);
    data.scene.anglesToOne.resize(shownCount);
    const double binWidth = (kHistogramHigh - kHistogramLow) / kHistogramBins;
    for (int bin = 0; bin <= kHistogramBins; ++bin)
        data.angleEdges.push_back(kHistogramLow + bin * binWidth);
    data.angleCounts.assign(kHistogramBins, 0.0);

    std::mt19937_64 generator(seed);
    std::normal_distribution<double> gaussian;
    const auto axes = inPlaneAxes(dimension);
    Eigen::VectorXd x(dimension);
    for (int vector = 0; vector < vectorCount; ++vector) {
        for (int i = 0; i < dimension; ++i) x(i) = gaussian(generator);
        const double angle = angleToOneDegrees(x);
        const int bin = static_cast<int>(std::floor((angle - kHistogramLow) / binWidth));
        if (bin >= 0 && bin < kHistogramBins) data.angleCounts[bin] += 1.0;
        if (vector < shownCount) {
            data.scene.points.col(vector) = scenePosition(x, angle, axes);
            data.scene.anglesToOne(vector) = angle;
        }
    }
    return data;
}

}  // namespace lngeom::app
