#include "core/geometry/projected_cloud.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <variant>

#include "core/io/block_source.h"
#include "core/tokens/token_set.h"

namespace lngeom {

namespace {

// `count` distinct tokens of 0 … n_tokens − 1 drawn uniformly with a seeded generator.
TokenSet random_tokens(Index n_tokens, Index count, std::uint64_t seed) {
    TokenSet tokens(n_tokens);
    std::mt19937_64 generator(seed);
    std::uniform_int_distribution<Index> any(0, n_tokens - 1);
    while (tokens.count() < count) tokens.insert(any(generator));
    return tokens;
}

// The rows of `block` whose tokens are in `tokens`, in order.
RowBlock rows_of(const RowBlock& block, const TokenSet& tokens) {
    std::vector<Index> kept;
    tokens.for_each(block.first_row, block.first_row + block.n_rows(),
                    [&](Index token) { kept.push_back(token - block.first_row); });
    RowBlock picked;
    picked.first_row = block.first_row;
    std::visit(
        [&](const auto& rows) {
            using Matrix = std::decay_t<decltype(rows)>;
            Matrix out(Index(kept.size()), rows.cols());
            for (std::size_t i = 0; i < kept.size(); ++i) out.row(Index(i)) = rows.row(kept[i]);
            picked.rows = std::move(out);
        },
        block.rows);
    return picked;
}

}  // namespace

ProjectionBasis compute_basis(const Dump& dump, SiteIndex site, const BasisRequest& request,
                              const std::atomic<bool>* cancel) {
    DumpStreamOptions stream;
    stream.max_rows = request.max_rows;
    stream.cancel = cancel;
    const BlockSource rows = dump_block_source(dump, site, Stream::Input, stream);
    const Index d = dump.info().sites.at(site).d;
    PrincipalOptions principal;
    principal.seed = request.seed;
    switch (request.choice) {
        case BasisChoice::Coordinates:
            return coordinate_basis(rows, d, request.coordinate_i, request.coordinate_j);
        case BasisChoice::Token:
            return token_basis(rows, dump.read_vector(site, Stream::Input, request.token),
                               principal);
        case BasisChoice::Random:
            return random_basis(rows, d, request.seed);
        default:
            return principal_basis(rows, d, principal);
    }
}

ProjectedCloud place_points(const Dump& dump, const CloudRequest& request,
                            const ProjectionBasis& basis, const std::atomic<bool>* cancel) {
    const SiteInfo& site = dump.info().sites.at(request.site);
    DumpStreamOptions stream;
    stream.block_bytes = request.block_bytes;
    stream.cancel = cancel;
    const Stream which = reads_output(request.representation) ? Stream::Output : Stream::Input;
    ProjectedCloud cloud;
    cloud.request = request;
    cloud.basis = basis;
    cloud.sphere_radius = std::sqrt(double(site.d));
    cloud.site_tokens = site.n_tokens;
    cloud.subsampled = site.n_tokens > request.max_points;
    const std::optional<TokenSet> sample =
        cloud.subsampled
            ? std::optional(random_tokens(site.n_tokens, request.max_points, request.basis.seed))
            : std::nullopt;
    const Index capacity = std::min(site.n_tokens, request.max_points);
    cloud.points.resize(capacity, 3);
    cloud.tokens.reserve(std::size_t(capacity));
    dump_block_source(dump, request.site, which, stream)([&](const RowBlock& block) {
        const RowBlock picked = sample ? rows_of(block, *sample) : RowBlock{};
        const RowBlock& rows = sample ? picked : block;
        const PointRows placed =
            project_rows(rows, request.representation, request.placement, basis.axes, site.eps);
        std::vector<Index> tokens;
        if (sample)
            sample->for_each(block.first_row, block.first_row + block.n_rows(),
                             [&tokens](Index token) { tokens.push_back(token); });
        for (Index row = 0; row < placed.rows(); ++row) {
            if (!placed.row(row).allFinite()) continue;
            cloud.points.row(Index(cloud.tokens.size())) = placed.row(row);
            cloud.tokens.push_back(sample ? tokens[std::size_t(row)] : block.first_row + row);
        }
    });
    cloud.points.conservativeResize(Index(cloud.tokens.size()), 3);
    return cloud;
}

ProjectedCloud compute_projected_cloud(const Dump& dump, const CloudRequest& request,
                                       const std::atomic<bool>* cancel) {
    return place_points(dump, request, compute_basis(dump, request.site, request.basis, cancel),
                        cancel);
}

std::vector<SiteIndex> sites_of_same_kind(const DumpInfo& info, SiteIndex site) {
    const SiteInfo& chosen = info.sites.at(site);
    if (chosen.site.empty()) return {site};
    std::vector<SiteIndex> sites;
    for (SiteIndex other = 0; other < info.sites.size(); ++other)
        if (info.sites[other].site == chosen.site && info.sites[other].d == chosen.d)
            sites.push_back(other);
    return sites;
}

ProjectedCloud compute_layer_cloud(const Dump& dump, const CloudRequest& request,
                                   const std::atomic<bool>* cancel) {
    const std::vector<SiteIndex> sites = sites_of_same_kind(dump.info(), request.site);
    const ProjectionBasis basis = compute_basis(dump, request.site, request.basis, cancel);
    ProjectedCloud cloud;
    cloud.request = request;
    cloud.basis = basis;
    cloud.sphere_radius = std::sqrt(double(dump.info().sites[request.site].d));
    std::vector<ProjectedCloud> parts;
    for (SiteIndex site : sites) {
        CloudRequest part = request;
        part.site = site;
        part.max_points = std::max<Index>(1, request.max_points / Index(sites.size()));
        parts.push_back(place_points(dump, part, basis, cancel));
    }
    Index total = 0;
    for (const ProjectedCloud& part : parts) {
        total += part.points.rows();
        cloud.site_tokens += part.site_tokens;
        cloud.subsampled = cloud.subsampled || part.subsampled;
    }
    cloud.points.resize(total, 3);
    Index next = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        cloud.points.middleRows(next, parts[i].points.rows()) = parts[i].points;
        next += parts[i].points.rows();
        cloud.tokens.insert(cloud.tokens.end(), parts[i].tokens.begin(), parts[i].tokens.end());
        cloud.layers.insert(cloud.layers.end(), parts[i].tokens.size(),
                            dump.info().sites[sites[i]].layer);
    }
    return cloud;
}

}  // namespace lngeom
