#pragma once
// What tells two states apart as states of different dumps: the dump's size, hashes of its first
// and last 64 KiB, the dataset choice and every site's shape. Neither the path nor the
// modification time enter it, so the same file copied to every node of a cluster, or reached
// through another mount, still has the same fingerprint.

#include <string>

#include "core/io/dump.h"

namespace lngeom {

// A short text; Error naming the file when it cannot be read.
std::string dump_fingerprint(const DumpInfo& info, const std::string& dataset);

}  // namespace lngeom
