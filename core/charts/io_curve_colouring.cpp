#include "core/charts/io_curve_colouring.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace lngeom {
namespace {

bool inside(const IoCurveSample& sample, Index j) {
    const Density2D& box = sample.density;
    const double x = sample.points.input(j), y = sample.points.output(j);
    return x >= box.x_low && x <= box.x_high && y >= box.y_low && y <= box.y_high;
}

// At most `budget` of `indices`, evenly spaced (all of them when they fit).
std::vector<Index> thinned(const std::vector<Index>& indices, Index budget) {
    const auto count = Index(indices.size());
    if (count <= budget) return indices;
    std::vector<Index> kept;
    kept.reserve(std::size_t(budget));
    for (Index k = 0; k < budget; ++k) kept.push_back(indices[std::size_t(k * count / budget)]);
    return kept;
}

// A step through the points that is coprime with d, so that the points it keeps fall on every
// channel rather than on the same few of every row.
Index step_across_channels(Index count, Index budget, Index d) {
    Index step = std::max<Index>(1, (count + budget - 1) / std::max<Index>(1, budget));
    while (step > 1 && std::gcd(step, d) != 1) ++step;
    return step;
}

// The channels of the largest max |x| over the sample, largest first, with that max.
std::vector<std::pair<Index, double>> peak_channels(const IoCurveSample& sample, int count) {
    Eigen::ArrayXd peak = Eigen::ArrayXd::Zero(sample.d);
    for (Index j = 0; j < sample.points.input.size(); ++j) {
        const Index channel = sample.points.channel(j);
        peak(channel) = std::max(peak(channel), std::abs(sample.points.input(j)));
    }
    std::vector<std::pair<Index, double>> channels;
    for (Index channel = 0; channel < sample.d; ++channel)
        channels.emplace_back(channel, peak(channel));
    const auto kept = std::min<std::size_t>(std::size_t(std::max(count, 0)), channels.size());
    std::partial_sort(channels.begin(), channels.begin() + std::ptrdiff_t(kept), channels.end(),
                      [](const auto& a, const auto& b) { return a.second > b.second; });
    channels.resize(kept);
    return channels;
}

}  // namespace

std::string_view io_curve_colouring_name(IoCurveColouring colouring) {
    return enum_name(kIoCurveColouringNames, colouring);
}

std::optional<IoCurveColouring> io_curve_colouring_named(std::string_view name) {
    return enum_named(kIoCurveColouringNames, name);
}

std::string io_curve_colouring_names() { return enum_name_list(kIoCurveColouringNames); }

std::vector<IoCurveGroup> io_curve_channel_groups(const IoCurveSample& sample, int channels,
                                                  Index budget) {
    const Index count = sample.points.input.size();
    if (count == 0 || sample.d == 0) return {};
    std::vector<IoCurveGroup> groups;
    std::vector<Index> groupOf(std::size_t(sample.d), -1);
    for (const auto& [channel, peak] : peak_channels(sample, channels)) {
        groupOf[std::size_t(channel)] = Index(groups.size());
        groups.push_back({channel, peak, {}});
    }
    IoCurveGroup others{-1, 0.0, {}};
    const Index step = step_across_channels(count, budget / 2, sample.d);
    for (Index j = 0; j < count; ++j) {
        if (!inside(sample, j)) continue;
        const Index group = groupOf[std::size_t(sample.points.channel(j))];
        if (group >= 0)
            groups[std::size_t(group)].points.push_back(j);
        else if (j % step == 0)
            others.points.push_back(j);
    }
    const Index perChannel =
        std::max<Index>(1, budget / 2 / std::max<Index>(1, Index(groups.size())));
    for (IoCurveGroup& group : groups) group.points = thinned(group.points, perChannel);
    others.points = thinned(others.points, budget - budget / 2);
    groups.push_back(std::move(others));
    return groups;
}

std::vector<IoCurveGroup> io_curve_token_groups(const IoCurveSample& sample, int tokens,
                                                Index budget) {
    const auto rows = Index(sample.tokens.size());
    if (rows == 0 || sample.d == 0 || tokens < 1) return {};
    std::vector<Index> ranking(std::size_t(rows), 0);
    std::iota(ranking.begin(), ranking.end(), Index(0));
    std::stable_sort(ranking.begin(), ranking.end(), [&](Index a, Index b) {
        return sample.tokens[std::size_t(a)].scale < sample.tokens[std::size_t(b)].scale;
    });
    const Index drawn = std::min<Index>(tokens, rows);
    const Index perToken = std::max<Index>(1, budget / drawn);
    const Index step = std::max<Index>(1, (sample.d + perToken - 1) / perToken);
    std::vector<IoCurveGroup> groups;
    for (Index k = 0; k < drawn; ++k) {
        const Index row = ranking[std::size_t(drawn == 1 ? 0 : k * (rows - 1) / (drawn - 1))];
        const IoCurveLine& line = sample.tokens[std::size_t(row)];
        IoCurveGroup group{line.token, line.scale, {}};
        for (Index channel = 0; channel < sample.d; channel += step)
            if (const Index j = row * sample.d + channel; inside(sample, j))
                group.points.push_back(j);
        groups.push_back(std::move(group));
    }
    return groups;
}

}  // namespace lngeom
