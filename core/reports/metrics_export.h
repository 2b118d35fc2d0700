#pragma once
// The per-token metrics as CSV, for the whole dump or a selection of tokens: one row per token
// and site, with the token's text, sequence and position where the dump has them, so the rows
// can be joined with a user's own data.

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/metrics_store.h"
#include "core/tokens/token_set.h"

namespace lngeom {

// The site whose key is `key` ("003"), or whose label is (site_label: "1·ln2", "final");
// RequestError naming the file and listing the keys when there is none.
SiteIndex find_site(const DumpInfo& info, const std::string& key);

struct TokenMetricsRequest {
    std::vector<std::size_t> sites;  // empty: every site
    std::vector<Index> tokens;       // ascending; empty: every token, or those of `selection`
    std::shared_ptr<const TokenSet> selection;
};

// Header "site,module,layer,site_name,token,text,sequence,position,<metric keys...>", then one
// row per site × token; columns the dump lacks stay empty, NaN metrics are empty fields.
// Streams in blocks: the columns and the dump's labels are read a block at a time.
void write_token_metrics_csv(std::ostream& out, const Dump& dump, const MetricsStore& store,
                             const TokenMetricsRequest& request);

}  // namespace lngeom
