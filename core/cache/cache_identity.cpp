#include "core/cache/cache_identity.h"

#include <cstdlib>
#include <filesystem>

#include "core/io/file_signature.h"
#include "core/io/fnv1a.h"
#include "core/metrics/metrics.h"

namespace lngeom {

namespace {

namespace fs = std::filesystem;

std::string metric_table() {
    std::string keys;
    for (const MetricDescription& metric : metric_descriptions())
        keys += (keys.empty() ? "" : ",") + std::string(metric.key);
    return keys;
}

// The file's absolute path, modification time and signature, one per line.
std::string file_identity(const std::string& path) {
    std::error_code error;
    const fs::path absolute = fs::weakly_canonical(fs::absolute(path), error);
    const std::string signature = file_signature(path, "its cache key");
    const auto modified = fs::last_write_time(path, error).time_since_epoch().count();
    return absolute.string() + "\nmtime=" + std::to_string(modified) + "\nsignature=" + signature +
           "\n";
}

}  // namespace

std::string default_cache_directory() {
    if (const char* own = std::getenv("LNGEOM_CACHE_DIR"); own && *own) return own;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return (fs::path(xdg) / "lngeom").string();
    const char* home = std::getenv("HOME");
    return (fs::path(home && *home ? home : "/tmp") / ".cache" / "lngeom").string();
}

std::string dump_identity(const std::string& dump_path, const std::string& dataset,
                          const std::vector<std::string>& shard_files) {
    std::string shards;
    for (const std::string& shard : shard_files) shards += "shard=" + file_identity(shard);
    return "lngeom metrics cache " + std::to_string(kMetricsCacheVersion) +
           "\npath=" + file_identity(dump_path) + "dataset=" + dataset + "\n" + shards +
           "metrics=" + metric_table() + "\n";
}

std::string metrics_cache_path(const std::string& directory, const std::string& dump_path,
                               const std::string& dataset) {
    std::error_code error;
    const std::string key =
        fs::weakly_canonical(fs::absolute(dump_path), error).string() + "\n" + dataset;
    return (fs::path(directory) / (hex64(fnv1a64(key)) + ".lngeom-cache.h5")).string();
}

}  // namespace lngeom
