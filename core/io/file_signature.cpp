#include "core/io/file_signature.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "core/io/fnv1a.h"

namespace lngeom {

namespace {

constexpr std::uintmax_t kHashedBytes = 64 << 10;

std::uint64_t hash_of_range(std::ifstream& in, const std::string& path, const std::string& purpose,
                            std::uintmax_t offset, std::uintmax_t bytes) {
    std::string data(bytes, '\0');
    in.seekg(std::streamoff(offset));
    if (!in.read(data.data(), std::streamsize(bytes)))
        throw Error(path, "", "cannot be read for " + purpose + ": " + std::strerror(errno));
    return fnv1a64(data);
}

}  // namespace

std::string file_signature(const std::string& path, const std::string& purpose) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) throw Error(path, "", "cannot be read for " + purpose + ": " + error.message());
    std::ifstream in(path, std::ios::binary);
    const std::uintmax_t hashed = std::min(size, kHashedBytes);
    const std::uint64_t head = hash_of_range(in, path, purpose, 0, hashed);
    const std::uint64_t tail = hash_of_range(in, path, purpose, size - hashed, hashed);
    return "size " + std::to_string(size) + ", head " + hex64(head) + ", tail " + hex64(tail);
}

}  // namespace lngeom
