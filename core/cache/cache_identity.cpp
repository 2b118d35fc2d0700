#include "core/cache/cache_identity.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "core/metrics/metrics.h"

namespace lngeom {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kIdentityHashBytes = 64 << 10;

std::uint64_t fnv1a(const void* data, std::size_t bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i) hash = (hash ^ p[i]) * 0x100000001b3ull;
    return hash;
}

std::string hex(std::uint64_t value) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

std::uint64_t hash_of_range(std::ifstream& in, std::uint64_t offset, std::uint64_t bytes) {
    std::string data(bytes, '\0');
    in.seekg(std::streamoff(offset));
    in.read(data.data(), std::streamsize(bytes));
    return fnv1a(data.data(), std::size_t(in.gcount()));
}

std::string metric_table() {
    std::string keys;
    for (const MetricDescription& metric : metric_descriptions())
        keys += (keys.empty() ? "" : ",") + std::string(metric.key);
    return keys;
}

// The file's absolute path, size, modification time and hashes of its first and last 64 KiB,
// one per line.
std::string file_identity(const std::string& path) {
    std::error_code error;
    const fs::path absolute = fs::weakly_canonical(fs::absolute(path), error);
    const std::uintmax_t size = fs::file_size(path, error);
    if (error) throw Error(path, "", "cannot be read for its cache key: " + error.message());
    const auto modified = fs::last_write_time(path, error).time_since_epoch().count();
    std::ifstream in(path, std::ios::binary);
    const std::uintmax_t edge = std::min<std::uintmax_t>(size, kIdentityHashBytes);
    const std::uint64_t head = hash_of_range(in, 0, edge);
    const std::uint64_t tail = hash_of_range(in, size - edge, edge);
    return absolute.string() + "\nsize=" + std::to_string(size) +
           "\nmtime=" + std::to_string(modified) + "\nhead=" + hex(head) + "\ntail=" + hex(tail) +
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
    return (fs::path(directory) / (hex(fnv1a(key.data(), key.size())) + ".lngeom-cache.h5"))
        .string();
}

}  // namespace lngeom
