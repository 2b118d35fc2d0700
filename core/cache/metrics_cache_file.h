#pragma once
// An open metrics cache (metrics_cache_writer.h writes it): every site's summary, and each
// site's per-token columns read on demand as a ColumnSource. Opening checks everything but the
// column data: format, version, the dump's identity, the completion mark, and every site's shape
// against the dump (HDF5 verifies the metadata's checksums as it reads them). The column data
// carries a checksum per chunk, verified on every read: a damaged chunk gives a FormatError
// naming the cache file and the column, and the file is removed so it is never used again.

#include <memory>
#include <string>
#include <vector>

#include "core/columns/column_source.h"
#include "core/io/dump.h"
#include "core/metrics/metrics_pass.h"

namespace lngeom {

class MetricsCacheFile {
  public:
    // The cache at `path` if it is complete, intact and made for `identity`, with the shape of
    // `info`; nullptr otherwise (missing, stale, truncated or damaged files are simply not used).
    static std::shared_ptr<const MetricsCacheFile> open(const std::string& path,
                                                        const std::string& identity,
                                                        const DumpInfo& info);
    ~MetricsCacheFile();

    const std::string& path() const;
    const std::vector<SiteSummary>& summaries() const;
    std::shared_ptr<const ColumnSource> columns(SiteIndex site) const;

    struct Handles;

  private:
    explicit MetricsCacheFile(std::shared_ptr<const Handles> handles,
                              std::vector<SiteSummary> summaries);

    std::shared_ptr<const Handles> handles_;
    std::vector<SiteSummary> summaries_;
};

}  // namespace lngeom
