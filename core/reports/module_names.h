#pragma once
// Module paths as tables for people show them: real models' paths run to 90–130 characters
// (`Encoder_en/KonaTransformer/Encode/Layer_1/TransformerLayer/FFN/layer_prepostprocess/
// layer_norm`) and repeat the same beginning in every row. The beginning all sites share is said
// once; what is left is shortened in the middle when still long. Machine formats (CSV, JSON)
// keep the full paths.

#include <string>
#include <vector>

#include "core/io/dump.h"

namespace lngeom {

struct ShortModuleNames {
    std::string prefix;              // what every site's path starts with; may be empty
    std::vector<std::string> names;  // one per site, without the prefix
};

// The shared beginning ends at a '.' or '/' and leaves every path a part of its own; the rest is
// shortened in the middle ("…") to at most `longest` characters.
ShortModuleNames short_module_names(const std::vector<SiteInfo>& sites, std::size_t longest = 48);

}  // namespace lngeom
