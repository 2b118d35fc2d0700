#pragma once
// Writes the metrics cache while the pass runs: every block's per-token values as it is
// computed (never a whole site in memory), each site's summary once it completes, then commit()
// renames the finished file into place. Until then the file is a temporary in a private
// directory beside the target, removed when the writer goes away uncommitted: a cancelled or
// failed pass leaves nothing. I/O failures never interrupt the pass: the first is remembered,
// later writes are skipped, and commit() reports it.

#include <memory>
#include <mutex>
#include <span>
#include <string>

#include "core/io/dump.h"
#include "core/metrics/metrics_pass.h"

namespace lngeom {

class MetricsCacheWriter {
  public:
    // Creates the cache's directory if needed and the temporary file with every site's columns.
    MetricsCacheWriter(std::string path, std::string identity, const DumpInfo& info);
    ~MetricsCacheWriter();
    MetricsCacheWriter(const MetricsCacheWriter&) = delete;
    MetricsCacheWriter& operator=(const MetricsCacheWriter&) = delete;

    // Rows [first_row, first_row + values.rows()) of `site`: values is n_rows × the site's
    // metric count (site_metrics() order), flags n_rows. Safe to call from several threads.
    void write_block(SiteIndex site, Index first_row, const RowMatrixD& values,
                     std::span<const std::uint8_t> flags);
    void finish_site(SiteIndex site, const SiteSummary& summary);
    // Empty on success (the cache is in place), else why it was not written.
    std::string commit();
    // Why writing failed so far (e.g. the directory cannot be created); empty while it works.
    std::string failure();

  private:
    struct Open;
    void record_failure(const std::exception& error);

    std::string path_;
    std::string identity_;
    std::unique_ptr<Open> open_;
    std::mutex mutex_;
    std::size_t sites_finished_ = 0;
    std::string failure_;
};

}  // namespace lngeom
