#pragma once
// The metrics cache: a sidecar file per dump holding every site's summaries and per-token
// columns, so a dump is read once. Keyed by the dump's identity (absolute path, size, mtime,
// dataset, hashes of its first and last 64 KiB, cache format version); written to a temporary
// file and renamed, with checksums and a completion marker, so a stale, half-written or damaged
// cache is never trusted. The dump itself is only ever opened for reading.

#include <cstdint>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "core/metrics/metrics_pass.h"

namespace lngeom {

// Bumped whenever the file layout or a metric's definition changes.
inline constexpr std::uint32_t kMetricsCacheVersion = 2;

// $LNGEOM_CACHE_DIR, else $XDG_CACHE_HOME/lngeom, else $HOME/.cache/lngeom.
std::string default_cache_directory();

// A text that changes whenever the dump's bytes, its location or the dataset choice may have.
// Hdf5Error-free: Error naming the file when it cannot be read.
std::string dump_identity(const std::string& dump_path, const std::string& dataset);

// The cache file for a dump and dataset inside `directory`.
std::string metrics_cache_path(const std::string& directory, const std::string& dump_path,
                               const std::string& dataset);

struct CachedSite {
    SiteSummary summary;
    std::uint64_t columns_offset = 0;
    std::uint64_t columns_bytes = 0;
    std::uint64_t columns_checksum = 0;
};

struct MetricsCacheFile {
    std::string path;
    std::vector<CachedSite> sites;
};

// The cache at `path` if it is complete, intact and made for `identity`; nullopt otherwise
// (missing, stale, truncated or corrupted files are simply not used).
std::optional<MetricsCacheFile> open_metrics_cache(const std::string& path,
                                                   const std::string& identity);

// One site's columns from the cache; FormatError naming the file when they are damaged.
SiteColumns read_cached_columns(const MetricsCacheFile& cache, SiteIndex site);

// Writes a cache while the pass runs: sites in any order, then commit() renames it into place.
// I/O failures never interrupt the pass: they are remembered and reported by commit().
class MetricsCacheWriter {
  public:
    MetricsCacheWriter(std::string path, const std::string& identity, std::size_t n_sites);
    ~MetricsCacheWriter();  // removes the temporary file unless committed
    MetricsCacheWriter(const MetricsCacheWriter&) = delete;
    MetricsCacheWriter& operator=(const MetricsCacheWriter&) = delete;

    void add_site(SiteIndex site, const SiteSummary& summary, const SiteColumns& columns);
    // Empty on success, else why the cache was not written.
    std::string commit();

  private:
    void write(const void* data, std::size_t bytes);

    std::string path_;
    std::string temporary_;
    std::ofstream out_;
    std::string header_;
    std::vector<std::optional<CachedSite>> sites_;
    std::uint64_t offset_ = 0;
    std::string failure_;
    bool committed_ = false;
};

}  // namespace lngeom
