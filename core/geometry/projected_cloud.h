#pragma once
// The point cloud the projection view draws for one site: the basis, then every token's vector
// (x, y, r or output) placed in it, read in row blocks. Runs on a worker thread; cancellable.

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/geometry/projection.h"
#include "core/geometry/projection_basis.h"
#include "core/io/dump.h"

namespace lngeom {

enum class BasisChoice { Principal, Coordinates, Token, Random };

struct BasisRequest {
    BasisChoice choice = BasisChoice::Principal;
    Index coordinate_i = 0;  // Coordinates
    Index coordinate_j = 1;
    Index token = -1;         // Token: its input vector's x⊥ direction
    std::uint64_t seed = 1;   // Random, and the start of the principal iteration
    Index max_rows = 200000;  // rows of the cloud the basis is estimated from (the first ones)

    bool operator==(const BasisRequest&) const = default;
};

struct CloudRequest {
    SiteIndex site = 0;
    Representation representation = Representation::Input;
    Placement placement = Placement::Linear;
    BasisRequest basis;
    // Tokens drawn: every token of a site that has at most this many, else a random subsample
    // of this many (seeded, so the same request draws the same tokens).
    Index max_points = 2000000;
    std::size_t block_bytes = std::size_t(64) << 20;
};

struct ProjectedCloud {
    CloudRequest request;  // what the cloud was computed for
    ProjectionBasis basis;
    // Finite points only (n_shown × 3), and the token each one is (ascending per site).
    PointRows points;
    std::vector<Index> tokens;
    // The tokens of the site(s) drawn, and whether only a random subsample of them is.
    Index site_tokens = 0;
    bool subsampled = false;
    // Each point's layer, for a cloud that spans the layers of a site kind; empty otherwise.
    std::vector<int> layers;
    double sphere_radius = 0;  // √d
};

// The basis of `request` for its site (reads the rows it needs).
ProjectionBasis compute_basis(const Dump& dump, SiteIndex site, const BasisRequest& request,
                              const std::atomic<bool>* cancel = nullptr);
// The basis, then the points placed in it. CancelledError when `cancel` is set meanwhile.
ProjectedCloud compute_projected_cloud(const Dump& dump, const CloudRequest& request,
                                       const std::atomic<bool>* cancel = nullptr);
// The points of `request` in an already known basis.
ProjectedCloud place_points(const Dump& dump, const CloudRequest& request,
                            const ProjectionBasis& basis,
                            const std::atomic<bool>* cancel = nullptr);

// The sites a layer cloud of `site` draws: every site of its kind ("ln1", say) and width d, in
// forward order; `site` alone when its kind is unknown.
std::vector<SiteIndex> sites_of_same_kind(const DumpInfo& info, SiteIndex site);
// The tokens of every site of `request.site`'s kind, all placed in the basis of `request.site`
// so that the layers share one picture; `max_points` is shared equally by the sites.
ProjectedCloud compute_layer_cloud(const Dump& dump, const CloudRequest& request,
                                   const std::atomic<bool>* cancel = nullptr);

}  // namespace lngeom
