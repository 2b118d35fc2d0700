#include "core/columns/column_source.h"

#include <algorithm>

#include "core/errors.h"

namespace lngeom {

bool ColumnSource::has(Metric metric) const {
    const std::vector<Metric>& own = metrics();
    return std::find(own.begin(), own.end(), metric) != own.end();
}

void ColumnSource::check_rows(Index first, Index count) const {
    if (first < 0 || count < 0 || first > n_tokens() - count)
        throw RequestError(path(), "",
                           "rows " + std::to_string(first) + " to " +
                               std::to_string(first + count) + " are outside the site's " +
                               std::to_string(n_tokens()) + " tokens");
}

void ColumnSource::check_read(Metric metric, Index first, Index count) const {
    if (!has(metric))
        throw RequestError(path(), std::string(describe(metric).key),
                           "this site has no such metric (it needs the module's output)");
    check_rows(first, count);
}

}  // namespace lngeom
