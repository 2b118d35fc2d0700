#include "core/state/dump_fingerprint.h"

#include <filesystem>
#include <sstream>

#include "core/io/file_signature.h"
#include "core/io/fnv1a.h"

namespace lngeom {

namespace {

constexpr char kPurpose[] = "its fingerprint";

std::string shapes(const DumpInfo& info) {
    std::string text;
    for (const SiteInfo& site : info.sites)
        text += site.key + " " + site.module + " " + std::to_string(site.d) + "x" +
                std::to_string(site.n_tokens) + " " + stored_type_name(site.input_type) +
                (site.has_output ? std::string(" output ") + stored_type_name(site.output_type)
                                 : std::string()) +
                "\n";
    return text;
}

// Shards lie beside their master (core/io/hdf5/hdf5_virtual.h), so their names place them.
std::string shard_lines(const DumpInfo& info) {
    std::string lines;
    for (const std::string& shard : info.shard_files)
        lines += "shard " + std::filesystem::path(shard).filename().string() + " " +
                 file_signature(shard, kPurpose) + "\n";
    return lines;
}

}  // namespace

std::string dump_fingerprint(const DumpInfo& info, const std::string& dataset) {
    return "dump " + file_signature(info.path, kPurpose) + "\n" + shard_lines(info) + "dataset '" +
           dataset + "'\nsites " + hex64(fnv1a64(shapes(info))) + "\n";
}

FingerprintDifference fingerprint_difference(const std::string& first, const std::string& second) {
    std::istringstream a(first), b(second);
    std::string line_a, line_b;
    while (true) {
        const bool more_a = bool(std::getline(a, line_a));
        const bool more_b = bool(std::getline(b, line_b));
        if (!more_a && !more_b) return {};
        if (!more_a) line_a = "(no more parts)";
        if (!more_b) line_b = "(no more parts)";
        if (line_a != line_b) return {line_a, line_b};
    }
}

}  // namespace lngeom
