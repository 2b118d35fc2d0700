#pragma once
// One site's per-token metric columns (one float per token and metric, NaN for invalid tokens)
// and each token's InvalidReason flags, read on demand in row ranges. Views and reports go
// through this instead of holding a site's columns: a site of 100M tokens has 400 MB per metric,
// so whole-site work streams over blocks (column_blocks.h) and a table reads only its rows.
// Implementations are safe to read from several threads at once.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/metrics.h"

namespace lngeom {

class ColumnSource {
  public:
    virtual ~ColumnSource() = default;

    // The file the columns are stored in, for messages.
    virtual const std::string& path() const = 0;
    virtual Index n_tokens() const = 0;
    // The site's metrics in column order (site_metrics()).
    virtual const std::vector<Metric>& metrics() const = 0;
    bool has(Metric metric) const;
    // Rows per read that keep reads cheap (the storage's chunk rows, or more).
    virtual Index block_rows() const = 0;

    // Rows [first, first + out.size()) of `metric`. RequestError when the site lacks the metric
    // or the rows are outside the site; FormatError naming the file when the storage is damaged.
    virtual void read(Metric metric, Index first, std::span<float> out) const = 0;
    virtual void read_flags(Index first, std::span<std::uint8_t> out) const = 0;

  protected:
    // RequestError unless [first, first + count) lies inside the site and it has `metric`.
    void check_read(Metric metric, Index first, Index count) const;
    void check_rows(Index first, Index count) const;
};

}  // namespace lngeom
