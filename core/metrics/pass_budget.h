#pragma once
// Whether the streaming pass fits its memory budget, checked before it allocates anything: a
// file may declare terabytes, and such a pass is refused with a message, never left to fail in
// the allocator.

#include "core/io/dump.h"
#include "core/metrics/metrics_pass.h"

namespace lngeom {

// Bytes the pass needs at most for `site`: its blocks in flight and its mergeable state
// (SiteState::max_bytes). Per-token values are never held: a sink takes them block by block.
struct PassMemory {
    double blocks = 0;
    double state = 0;
};
PassMemory pass_memory(const Dump& dump, SiteIndex site, const PassOptions& options);

// RequestError naming the file, the site's dataset and the budget when a site's blocks need
// more than the pass plans for them (half the budget), or (when `keeps_states`) the states of
// all sites more than half of it. The states of the sites in flight are not counted: at most
// threads + 1 sites, each bounded by lngeom's constants (about 1 MiB) whatever the file declares.
void require_pass_within_budget(const Dump& dump, const PassOptions& options, bool keeps_states);

// Per-token columns are not held in memory but written to a file in `directory` as the pass
// runs (the metrics cache, or the app's private column file): RequestError naming the file, the
// site's dataset and `directory` when a site's columns, or all of them, need more disk than is
// free there, besides `reusable` bytes (a file the columns replace; a file may declare 10^15
// tokens). Nothing is checked when the space is unknown.
void require_column_space(const Dump& dump, const std::string& directory, double reusable = 0);

}  // namespace lngeom
