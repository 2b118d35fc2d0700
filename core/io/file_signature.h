#pragma once
// A file told apart from a rewritten one without reading all of it: its size and the FNV-1a
// hashes of its first and last 64 KiB. Both the metrics cache key (core/cache/cache_identity.h)
// and the state fingerprint (core/state/dump_fingerprint.h) are made of it, for the dump and for
// every shard file a master's virtual datasets read (DumpInfo::shard_files).

#include <string>

namespace lngeom {

// "size N, head H, tail T". Error naming the file and `purpose` ("its cache key") when it cannot
// be read.
std::string file_signature(const std::string& path, const std::string& purpose);

}  // namespace lngeom
