#include "core/state/dump_fingerprint.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "core/state/state_codec.h"

namespace lngeom {

namespace {

constexpr std::uintmax_t kHashedBytes = 64 << 10;

std::string hex(std::uint64_t value) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

std::uint64_t hash_of_range(const std::string& path, std::uintmax_t offset, std::uintmax_t bytes) {
    std::ifstream in(path, std::ios::binary);
    std::string data(bytes, '\0');
    in.seekg(std::streamoff(offset));
    in.read(data.data(), std::streamsize(bytes));
    if (!in) throw Error(path, "", "cannot be read for its fingerprint");
    return fnv1a64(data);
}

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

}  // namespace

std::string dump_fingerprint(const DumpInfo& info, const std::string& dataset) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(info.path, error);
    if (error) throw Error(info.path, "", "cannot be read for its fingerprint: " + error.message());
    const std::uintmax_t hashed = std::min(size, kHashedBytes);
    return "size " + std::to_string(size) + ", head " + hex(hash_of_range(info.path, 0, hashed)) +
           ", tail " + hex(hash_of_range(info.path, size - hashed, hashed)) + ", dataset '" +
           dataset + "', sites " + hex(fnv1a64(shapes(info)));
}

}  // namespace lngeom
