#pragma once
// Short names of norm sites for chart axes: "3·ln1", "0·ln2", "final".

#include <string>
#include <vector>

#include "core/io/dump.h"

namespace lngeom {

// "<layer>·<site>" when both are known, "final" for the final norm, else the site's key.
std::string site_label(const SiteInfo& site);
std::vector<std::string> site_labels(const std::vector<SiteInfo>& sites);

}  // namespace lngeom
