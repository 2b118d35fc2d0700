#pragma once
// The massive-activation state of a site (core/analysis/massive_activations.h) as a part of its
// mergeable SiteState: the counts of every |x_{t,i}|, each token's max |x| by position and each
// dimension's peak, so that `lngeom stats`, shards, `lngeom merge` and MPI report massive
// activations from one streaming pass. Thresholds are applied to the merged state afterwards.

#include <cstddef>
#include <string_view>

#include "core/analysis/massive_activations.h"
#include "core/io/dump.h"
#include "core/state/state_codec.h"

namespace lngeom {

struct BlockView;  // core/state/site_state.h

struct MassivePart {
    static constexpr std::string_view kTag = "massive";

    MassiveState state;

    explicit MassivePart(const SiteInfo& site) : state(site.d) {}
    void add(const BlockView& block);
    void merge(const MassivePart& other);
    void write(StateWriter& out) const;
    // FormatError (through `in`) when the bytes are damaged or made for another d.
    void read(StateReader& in);
    std::size_t bytes() const { return sizeof *this + state.bytes(); }
    static std::size_t max_bytes(const SiteInfo& site) {
        return sizeof(MassivePart) + MassiveState::max_bytes(site.d);
    }
};

}  // namespace lngeom
