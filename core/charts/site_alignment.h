#pragma once
// Which sites of two dumps correspond, for comparing two models side by side: sites match by
// (layer, site name) when both dumps name them, else by forward position.

#include <optional>
#include <string>
#include <vector>

#include "core/io/dump.h"

namespace lngeom {

// One row of a comparison: a site of the left dump, of the right dump, or of both.
struct AlignedSite {
    std::optional<SiteIndex> left;
    std::optional<SiteIndex> right;
    std::string label;  // site_label() of whichever side has it (left first)
};

// In the left dump's forward order; right-only sites come after the row of the right site
// before them.
std::vector<AlignedSite> align_sites(const std::vector<SiteInfo>& left,
                                     const std::vector<SiteInfo>& right);

}  // namespace lngeom
