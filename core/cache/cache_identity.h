#pragma once
// Which cache file belongs to which dump, and whether it is still the dump's: the cache's
// directory, its file name for a dump, and the dump's identity (absolute path, size, mtime,
// dataset choice, hashes of its first and last 64 KiB, the same of every shard file a master's
// virtual datasets read, the cache format version and the metric table), which a cache must
// carry to be used.

#include <cstdint>
#include <string>
#include <vector>

namespace lngeom {

// Bumped whenever the cache's layout or a metric's definition changes; a cache of another
// version is stale and recomputed (adding a metric to the table changes the identity anyway).
inline constexpr std::uint32_t kMetricsCacheVersion = 3;

// $LNGEOM_CACHE_DIR, else $XDG_CACHE_HOME/lngeom, else $HOME/.cache/lngeom.
std::string default_cache_directory();

// A text that changes whenever the dump's bytes, its location, the dataset choice, the cache
// format or the metric table may have. A master file's bytes stay the same when a shard under it
// is rewritten, so `shard_files` (DumpInfo::shard_files) are covered as the dump itself is.
// Error naming the file when it, or a shard, cannot be read.
std::string dump_identity(const std::string& dump_path, const std::string& dataset,
                          const std::vector<std::string>& shard_files = {});

// The cache file for a dump and dataset inside `directory`.
std::string metrics_cache_path(const std::string& directory, const std::string& dump_path,
                               const std::string& dataset);

}  // namespace lngeom
