#pragma once
// The tokens a site's massive report flags (core/analysis/massive_activations.h), as a set the
// linked selection can hold: those whose max |x_i| reaches the report's threshold by the same
// grid test the counts apply, so the set has exactly report.tokens_flagged members.

#include <atomic>

#include "core/columns/column_source.h"
#include "core/tokens/token_set.h"

namespace lngeom {

// Streams the site's max_abs column block by block (memory: one block); invalid tokens (NaN)
// are never flagged. RequestError when the site lacks max_abs; CancelledError through `cancel`.
TokenSet massive_tokens(const ColumnSource& site, double threshold,
                        const std::atomic<bool>* cancel = nullptr);

}  // namespace lngeom
