#pragma once
// A dump's metrics, computed once: every site's summaries in memory, and its per-token columns
// on disk, read on demand (ColumnSource). The columns go to the metrics cache beside the dump,
// or, without a usable cache, to a private temporary file that disappears with the store.

#include <memory>
#include <string>
#include <vector>

#include "core/cache/cache_identity.h"
#include "core/cache/metrics_cache_file.h"
#include "core/columns/column_source.h"
#include "core/metrics/metrics.h"
#include "core/metrics/metrics_pass.h"

namespace lngeom {

struct StoreOptions {
    PassOptions pass;
    bool use_cache = true;        // read and write the cache file
    std::string cache_directory;  // empty: default_cache_directory()
    // Per-token columns for views and exports (statistics need none): written during the pass.
    bool keep_columns = true;
};

class MetricsStore {
  public:
    // From a valid cache if there is one, else by running the pass (and writing the cache).
    // `dataset` is the dataset choice the dump was opened with (part of the cache key).
    static MetricsStore compute(const Dump& dump, const std::string& dataset,
                                const StoreOptions& options);
    // RequestError (file, site, directory) when the per-token columns that compute() would write
    // with `options` need more disk than is free where they go (an existing cache file of the
    // dump counts as free: it is reused or replaced); nothing is checked without columns.
    static void require_room_for_columns(const Dump& dump, const std::string& dataset,
                                         const StoreOptions& options);

    const std::vector<SiteSummary>& summaries() const { return summaries_; }
    // RequestError when the site does not exist or has no such metric (no output).
    const Summary& summary(SiteIndex site, Metric metric) const;
    // The site's per-token columns; RequestError when they were not kept or could not be
    // written (the reason: cache_warning()).
    std::shared_ptr<const ColumnSource> columns(SiteIndex site) const;

    bool loaded_from_cache() const { return loaded_from_cache_; }
    const std::string& cache_path() const { return cache_path_; }        // empty without a cache
    const std::string& cache_warning() const { return cache_warning_; }  // why none was written

  private:
    void run_pass(const Dump& dump, const PassOptions& options, const std::string& columns_path,
                  const std::string& identity, bool keep_columns);
    void write_private_columns(const Dump& dump, const PassOptions& options);
    void check_site(SiteIndex site) const;

    std::string dump_path_;
    std::vector<SiteSummary> summaries_;
    std::shared_ptr<const MetricsCacheFile> columns_;
    std::string cache_path_;
    std::string cache_warning_;
    bool loaded_from_cache_ = false;
};

}  // namespace lngeom
