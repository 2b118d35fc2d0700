#pragma once
// Short names of norm sites for chart axes ("3·ln1", "0·ln2", "final") and their placement in
// the model ("decoder · pre-attention").

#include <string>
#include <vector>

#include "core/io/dump.h"

namespace lngeom {

// "<layer>·<site>" when both are known, "final" for the final norm, the site alone outside the
// blocks (layer -1, e.g. "embed"), else the site's key.
std::string site_label(const SiteInfo& site);
std::vector<std::string> site_labels(const std::vector<SiteInfo>& sites);
// Where the norm sits, as far as the dump records it: "decoder · inside-attention · head 3 ·
// call 1", "pre-mlp"; empty when it records nothing.
std::string site_placement(const SiteInfo& site);

}  // namespace lngeom
