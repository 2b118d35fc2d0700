#include "core/analysis/io_curve_sample.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/analysis/sampled_runs.h"
#include "core/errors.h"

namespace lngeom {

namespace {

// The central share of a density: 0.1 % of the points may lie beyond each edge, so one
// massive activation does not squeeze every other point into a single column.
constexpr double kTail = 0.001;

// The sampled rows in double, and the site row of each.
RowMatrixD read_sample(const Dump& dump, SiteIndex site, Index max_rows, std::vector<Index>& rows,
                       const std::atomic<bool>* cancel) {
    const SiteInfo& info = dump.info().sites[site];
    std::vector<std::pair<Index, Index>> runs = sampled_runs(info.n_tokens, max_rows);
    Index total = 0;
    for (const auto& run : runs) total += run.second;
    RowMatrixD x(total, info.d);
    RowBlock block;
    for (const auto& run : runs) {
        const Index first = run.first;
        const Index count = run.second;
        if (cancel && cancel->load())
            throw CancelledError(dump.info().path, "/norms/" + info.key,
                                 "the input–output curve was cancelled");
        dump.read_rows(site, Stream::Input, first, count, block);
        std::visit(
            [&](const auto& values) {
                x.middleRows(Index(rows.size()), count) = values.template cast<double>();
            },
            block.rows);
        for (Index r = 0; r < count; ++r) rows.push_back(first + r);
    }
    return x;
}

// The value below which a share `q` of `values` lies (the nearest rank).
double quantile(Eigen::ArrayXd values, double q) {
    const auto rank = Index(std::floor(q * double(values.size() - 1)));
    std::nth_element(values.begin(), values.begin() + rank, values.end());
    return values(rank);
}

// [low, high] of the central values, widened by 2 % (by ±1 when they are all equal).
std::pair<double, double> central_range(const Eigen::ArrayXd& values) {
    double low = quantile(values, kTail), high = quantile(values, 1 - kTail);
    const double margin = high > low ? 0.02 * (high - low) : 1.0;
    return {low - margin, high + margin};
}

IoCurveLine line_of(NormKind kind, const RowMatrixD& x, Index row, Index token, double eps) {
    const auto values = x.row(row).array();
    const double centre = kind == NormKind::RmsNorm ? 0.0 : values.mean();
    const double scale = std::sqrt((values - centre).square().mean() + eps);
    return {token, centre, scale, values.minCoeff(), values.maxCoeff()};
}

// The line of every standardized row, in the order of the points.
std::vector<IoCurveLine> token_lines(NormKind kind, const RowMatrixD& x,
                                     const IoCurvePoints& points, const std::vector<Index>& rows,
                                     double eps) {
    std::vector<IoCurveLine> lines;
    for (Index j = 0; j < points.token.size(); j += x.cols()) {
        const Index row = points.token(j);
        lines.push_back(line_of(kind, x, row, rows[std::size_t(row)], eps));
    }
    return lines;
}

// The lines of the smallest, median and largest √(σ_t² + ε) among the standardized rows.
std::vector<IoCurveLine> bending_lines(std::vector<IoCurveLine> lines) {
    std::sort(lines.begin(), lines.end(),
              [](const IoCurveLine& a, const IoCurveLine& b) { return a.scale < b.scale; });
    if (lines.size() <= 3) return lines;
    return {lines.front(), lines[lines.size() / 2], lines.back()};
}

}  // namespace

IoCurveSample sample_io_curve(const Dump& dump, SiteIndex site, Index max_points,
                              const std::atomic<bool>* cancel) {
    const DumpInfo& info = dump.info();
    if (site >= info.sites.size())
        throw RequestError(info.path, "", "has no site " + std::to_string(site));
    const SiteInfo& described = info.sites[site];
    IoCurveSample sample;
    sample.site = site;
    sample.kind = described.kind == NormKind::RmsNorm ? NormKind::RmsNorm : NormKind::LayerNorm;
    sample.d = described.d;
    sample.n_tokens = described.n_tokens;
    std::vector<Index> rows;
    const Index max_rows = std::max<Index>(1, max_points / std::max<Index>(1, described.d));
    const RowMatrixD x = read_sample(dump, site, max_rows, rows, cancel);
    sample.tokens_read = x.rows();
    sample.points = io_curve_points(sample.kind, x, described.eps);
    sample.tokens = token_lines(sample.kind, x, sample.points, rows, described.eps);
    sample.lines = bending_lines(sample.tokens);
    for (Index j = 0; j < sample.points.token.size(); ++j)
        sample.points.token(j) = int(rows[std::size_t(sample.points.token(j))]);
    sample.fit = fit_tanh(sample.points.input, sample.points.output);
    if (sample.points.input.size() == 0) return sample;
    const auto [x_low, x_high] = central_range(sample.points.input);
    const auto [y_low, y_high] = central_range(sample.points.output);
    sample.density = density_of(sample.points.input, sample.points.output, kIoCurveColumns,
                                kIoCurveRows, x_low, x_high, y_low, y_high);
    sample.points_outside = sample.points.input.size() - Index(sample.density.counts.sum());
    return sample;
}

}  // namespace lngeom
