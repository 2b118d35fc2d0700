#pragma once
// The mergeable state of a whole dump or of some of its shards, as one byte string: what
// `lngeom stats --shard K/N --state OUT` writes, `lngeom merge` reads, and MPI ranks send.
//
// Layout, version 2: "LNGEOMST", u32 version, the payload, u64 FNV-1a of everything before it.
// Payload: the statistics configuration (text, must match to merge), the dump's fingerprint,
// the dump's description (path, layout, model attributes, sites: what the reports print, so a
// merge needs no access to the dump), the shard count and the shards held, then every site's
// SiteState (site_state.h). Numbers are little-endian (state_codec.h).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/row_shard.h"
#include "core/state/site_state.h"

namespace lngeom {

// Bumped whenever the layout above or the fingerprint's parts change (version 2: the fingerprint
// covers a master's shard files).
inline constexpr std::uint32_t kStateFileVersion = 2;

struct DumpState {
    DumpInfo info;            // as the dump described itself
    std::string fingerprint;  // dump_fingerprint()
    int shard_count = 1;
    std::vector<int> shards;       // the shards held, ascending
    std::vector<SiteState> sites;  // one per site of `info`

    bool complete() const { return int(shards.size()) == shard_count; }
    std::vector<SiteSummary> summaries() const;
};

// What must agree for states to merge: the sketch's accuracy and limits, the parts of a site's
// state, the metrics and their histogram edges.
std::string statistics_configuration();

// The state of `shard` of the dump opened with `dataset`, from the pass's site states.
DumpState dump_state(const Dump& dump, const std::string& dataset, RowShard shard,
                     std::vector<SiteState> sites);

std::string state_bytes(const DumpState& state);
// FormatError naming `source` (a file, "rank 3") when the bytes are not a state, are damaged,
// or were made by a lngeom with another version or statistics configuration.
DumpState parse_state(std::string_view bytes, const std::string& source);

// Atomically; Error naming the file when it cannot be written.
void write_state_file(const std::string& path, const DumpState& state);
// Error naming the file when it cannot be read; FormatError as parse_state.
DumpState read_state_file(const std::string& path);

// Folds `other` into `into`: RequestError naming both sources when they are states of different
// dumps, of different shard counts, or hold a shard in common.
void merge_dump_state(DumpState& into, const std::string& into_source, const DumpState& other,
                      const std::string& other_source);

// The merge of the files in their order. With `require_complete`, RequestError naming the files
// and the missing shards unless every shard is there.
DumpState merge_state_files(const std::vector<std::string>& paths, bool require_complete);

}  // namespace lngeom
