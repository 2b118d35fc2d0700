#pragma once
// The JSON of dump_findings.h inside `lngeom stats --format json`: per site "gamma_ellipsoid"
// and "massive" beside "metrics", and the file's "warnings".

#include <string>
#include <vector>

#include "core/reports/dump_findings.h"

namespace lngeom {

// `, "gamma_ellipsoid": {...}, "massive": {...}` for the parts the site has (may be empty).
std::string json_site_findings(const SiteFindings& findings);

// `[{"d", "sites", "magnitude", "token_share", "site_share", "dims": [{"dim", "sites"}, ...]}]`:
// LLM.int8()'s outlier features per width.
std::string json_int8_outliers(const std::vector<Int8Outliers>& widths);

// `["sentence", ...]`.
std::string json_warnings(const std::vector<std::string>& warnings);

}  // namespace lngeom
