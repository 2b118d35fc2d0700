#include "core/analysis/ellipsoid_picture.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "core/analysis/ellipsoid_axes.h"
#include "core/analysis/ellipsoid_tokens.h"
#include "core/analysis/secular_equation.h"
#include "core/errors.h"
#include "core/geometry/norm_affine.h"
#include "core/io/block_source.h"

namespace lngeom {

namespace {

// The valid rows among the first max_rows of the site's input, in double, with their rows.
RowMatrixD read_rows(const Dump& dump, SiteIndex site, Index max_rows, std::vector<Index>& tokens,
                     const std::atomic<bool>* cancel) {
    const SiteInfo& info = dump.info().sites[site];
    DumpStreamOptions stream;
    stream.max_rows = max_rows;
    stream.cancel = cancel;
    RowMatrixD rows(std::min(info.n_tokens, max_rows), info.d);
    dump_block_source(dump, site, Stream::Input, stream)([&](const RowBlock& block) {
        std::visit(
            [&](const auto& values) {
                for (Index r = 0; r < values.rows(); ++r) {
                    if (!values.row(r).allFinite()) continue;
                    rows.row(Index(tokens.size())) = values.row(r).template cast<double>();
                    tokens.push_back(block.first_row + r);
                }
            },
            block.rows);
    });
    rows.conservativeResize(Index(tokens.size()), info.d);
    return rows;
}

// Keeps the rows whose standardization exists (σ > 0, or ε > 0).
void drop_unstandardized(RowMatrixD& y, RowMatrixD& x, std::vector<Index>& tokens) {
    Index kept = 0;
    for (Index r = 0; r < y.rows(); ++r) {
        if (!y.row(r).allFinite()) continue;
        y.row(kept) = y.row(r);
        x.row(kept) = x.row(r);
        tokens[size_t(kept++)] = tokens[size_t(r)];
    }
    y.conservativeResize(kept, y.cols());
    x.conservativeResize(kept, x.cols());
    tokens.resize(size_t(kept));
}

// Indices of the `count` largest entries of `score` (NaN last), largest first.
std::vector<Index> largest_entries(const Eigen::VectorXd& score, int count) {
    std::vector<Index> order(size_t(score.size()));
    std::iota(order.begin(), order.end(), Index(0));
    const auto key = [&](Index k) { return std::isnan(score(k)) ? -INFINITY : score(k); };
    std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return key(a) > key(b); });
    order.resize(std::min(order.size(), size_t(count)));
    return order;
}

// The mean occupancy of every axis over the first rows of z that fit the budget.
Eigen::VectorXd mean_occupancy(NormKind kind, const Eigen::VectorXd& gamma, const RowMatrixD& z,
                               const RowMatrixD& y, double budget) {
    const double d = double(gamma.size());
    const Index rows = std::clamp<Index>(Index(budget / (d * d)), 1, std::max<Index>(z.rows(), 1));
    if (kind == NormKind::RmsNorm) {
        Eigen::VectorXd mean = y.topRows(std::min(rows, y.rows())).colwise().squaredNorm() /
                               (d * double(std::max<Index>(std::min(rows, y.rows()), 1)));
        for (Index i = 0; i < gamma.size(); ++i)
            if (gamma(i) == 0) mean(i) = NAN;
        return mean;
    }
    return mean_axis_occupancy(SecularEquation(gamma), z.topRows(std::min(rows, z.rows())));
}

// The drawn axes: for LayerNorm their ranks k among the d − 1 axes by ascending length, their
// lengths and directions from the secular equation; for RMSNorm their coordinates i.
void choose_axes(EllipsoidPicture& picture, const Eigen::VectorXd& gamma, const RowMatrixD& z,
                 const RowMatrixD& y) {
    const bool rms = picture.kind == NormKind::RmsNorm;
    const Index count = rms ? gamma.size() : gamma.size() - 1;
    picture.axis_count = int(std::min<Index>(3, count));
    Eigen::VectorXd score;  // larger is chosen first
    if (picture.request.axes == AxisChoice::MostOccupied && z.rows() > 0)
        score = mean_occupancy(picture.kind, gamma, z, y, picture.request.occupancy_budget);
    else if (rms)
        score = gamma.cwiseAbs();
    else
        score = Eigen::VectorXd::LinSpaced(count, 0.0, double(count - 1));  // ranks ascend
    const std::vector<Index> chosen = largest_entries(score, picture.axis_count);
    picture.directions = Eigen::MatrixXd::Zero(gamma.size(), 3);
    const double root_d = std::sqrt(double(gamma.size()));
    const std::optional<SecularEquation> equation =
        rms ? std::nullopt : std::optional<SecularEquation>(gamma);
    for (int a = 0; a < picture.axis_count; ++a) {
        const Index k = chosen[size_t(a)];
        picture.axis_index[size_t(a)] = k;
        if (rms) {
            picture.lengths(a) = root_d * std::abs(gamma(k));
            picture.directions(k, a) = 1.0;
            continue;
        }
        const SecularRoot root = equation->root(k);
        picture.lengths(a) = std::sqrt(double(gamma.size()) * root.mu);
        picture.directions.col(a) = equation->direction(root);
    }
}

void place_tokens(EllipsoidPicture& picture, const RowMatrixD& z, const Eigen::VectorXd& beta,
                  const RowMatrixD& y) {
    const Eigen::MatrixXd along = z * picture.directions;  // n × 3, without β
    picture.centre = picture.directions.transpose() * beta;
    picture.points = (along.rowwise() + picture.centre.transpose()).cast<float>();
    picture.occupancy = PointRows::Zero(z.rows(), 3);
    for (int a = 0; a < 3; ++a)
        if (picture.lengths(a) > 0)
            picture.occupancy.col(a) =
                (along.col(a) / picture.lengths(a)).cwiseAbs2().cast<float>();
    if (z.rows() > 0)
        picture.mean_occupancy = picture.occupancy.cast<double>().colwise().mean().transpose();
    const Eigen::VectorXd rho = shell_radii(y);
    picture.shell_depth.resize(size_t(z.rows()));
    for (Index t = 0; t < z.rows(); ++t) picture.shell_depth[size_t(t)] = float(1 - rho(t));
    const double root_d = std::sqrt(double(z.cols()));
    const Eigen::ArrayXd uniform = (z.rowwise().sum().array() + beta.sum()) / root_d;
    if (uniform.size() == 0) return;
    picture.output_uniform_mean = uniform.mean();
    picture.output_uniform_std = std::sqrt((uniform - uniform.mean()).square().mean());
}

}  // namespace

EllipsoidPicture compute_ellipsoid_picture(const Dump& dump, const EllipsoidPictureRequest& request,
                                           const std::atomic<bool>* cancel) {
    if (request.site >= dump.info().sites.size())
        throw RequestError(dump.info().path, "",
                           "has no site " + std::to_string(request.site) + " (it has " +
                               std::to_string(dump.info().sites.size()) + ")");
    const SiteInfo& info = dump.info().sites[request.site];
    const std::string object = "/norms/" + info.key;
    if (info.d < 3)
        throw RequestError(dump.info().path, object,
                           "has d = " + std::to_string(info.d) + "; the ellipsoid needs d ≥ 3");
    EllipsoidPicture picture;
    picture.request = request;
    picture.kind = info.kind == NormKind::RmsNorm ? NormKind::RmsNorm : NormKind::LayerNorm;
    picture.d = info.d;
    const NormAffine affine = read_norm_affine(dump, request.site);
    picture.has_gamma = affine.gamma.has_value();
    picture.has_beta = affine.beta.has_value();
    const Eigen::VectorXd gamma = effective_gamma(affine, info.d);
    const Eigen::VectorXd beta = effective_beta(affine, info.d);
    if (!gamma.allFinite() || !beta.allFinite())
        throw RequestError(dump.info().path, object, "has a non-finite γ or β");
    picture.summary = summarize_ellipsoid(picture.kind, gamma, beta);
    RowMatrixD x = read_rows(dump, request.site, request.max_points, picture.tokens, cancel);
    RowMatrixD y = standardize_rows(picture.kind, x, info.eps);
    drop_unstandardized(y, x, picture.tokens);
    const RowMatrixD z = y * gamma.asDiagonal();
    choose_axes(picture, gamma, z, y);
    place_tokens(picture, z, beta, y);
    return picture;
}

}  // namespace lngeom
