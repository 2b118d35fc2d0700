#pragma once
// Internal to core/cache: the names and shapes of the metrics cache file, shared by its writer
// and its reader (README "The metrics cache" shows the layout as h5py sees it).

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>

namespace lngeom::cache_layout {

inline constexpr char kFormat[] = "lngeom-metrics-cache";
// Rows per chunk of every column: 64 KiB of float32, so a table reading one token's values
// touches 64 KiB per metric, and a whole-column scan reads few, large chunks.
inline constexpr std::uint64_t kChunkRows = 16384;
inline constexpr char kFlags[] = "flags";
// Each metric column's attributes: the site's summary of that metric (count is an integer).
inline constexpr std::array<const char*, 7> kSummaryValues = {"mean", "std", "min", "max",
                                                              "p01",  "p50", "p99"};

// "/sites/000": the group of the dump's site 0.
inline std::string site_group(SiteIndex site) {
    char name[32];
    std::snprintf(name, sizeof name, "/sites/%03zu", site);
    return name;
}

}  // namespace lngeom::cache_layout
