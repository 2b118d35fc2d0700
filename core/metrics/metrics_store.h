#pragma once
// A dump's metrics, computed once: every site's summaries in memory, and its per-token
// columns in memory when they fit the budget, else in the cache file, loaded per site on demand.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/metrics_cache.h"
#include "core/metrics/metrics.h"
#include "core/metrics/metrics_pass.h"

namespace lngeom {

struct StoreOptions {
    PassOptions pass;
    bool use_cache = true;
    std::string cache_directory;  // empty: default_cache_directory()
    // Keep the columns in memory when they take at most half the memory budget.
    bool keep_columns = true;
};

class MetricsStore {
  public:
    // From a valid cache if there is one, else by running the pass (and writing the cache).
    // `dataset` is the dataset choice the dump was opened with (part of the cache key).
    static MetricsStore compute(const Dump& dump, const std::string& dataset,
                                const StoreOptions& options);

    const std::vector<SiteSummary>& summaries() const { return summaries_; }
    // RequestError when the site does not exist or has no such metric (no output).
    const Summary& summary(SiteIndex site, Metric metric) const;
    // The site's per-token columns; RequestError when they were neither kept nor cached,
    // FormatError when the cache file was damaged since.
    std::shared_ptr<const SiteColumns> columns(SiteIndex site) const;

    bool loaded_from_cache() const { return loaded_from_cache_; }
    const std::string& cache_path() const { return cache_path_; }        // empty without a cache
    const std::string& cache_warning() const { return cache_warning_; }  // why none was written

  private:
    bool load_cache(const std::string& identity, const DumpInfo& info, bool keep);
    void run_pass(const Dump& dump, const PassOptions& options, bool keep,
                  MetricsCacheWriter* writer);
    void check_site(SiteIndex site) const;

    std::string dump_path_;
    std::vector<SiteSummary> summaries_;
    std::vector<std::shared_ptr<const SiteColumns>> kept_;
    std::optional<MetricsCacheFile> cache_;
    std::string cache_path_;
    std::string cache_warning_;
    bool loaded_from_cache_ = false;
};

}  // namespace lngeom
