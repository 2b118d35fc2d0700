#pragma once
// What tells two states apart as states of different dumps: the signature (size, hashes of the
// first and last 64 KiB; core/io/file_signature.h) of the dump and of every shard file a master's
// virtual datasets read, the dataset choice and every site's shape. Neither paths nor
// modification times enter it, so the same files copied to every node of a cluster, or reached
// through another mount, still have the same fingerprint; a shard rewritten under an unchanged
// master changes it.

#include <string>

#include "core/io/dump.h"

namespace lngeom {

// One line per part ("dump size …", "shard NAME size …", "dataset '…'", "sites …"); Error naming
// the file when it, or a shard, cannot be read.
std::string dump_fingerprint(const DumpInfo& info, const std::string& dataset);

// The first part (line) in which two fingerprints differ, for a message saying why two states
// do not merge; both empty when the fingerprints are equal.
struct FingerprintDifference {
    std::string first;   // the part of the first fingerprint
    std::string second;  // the same part of the second, "(no more parts)" when it has fewer
};
FingerprintDifference fingerprint_difference(const std::string& first, const std::string& second);

}  // namespace lngeom
