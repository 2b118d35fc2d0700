#include "tests/fuzz/global_heap_walk.h"

#include <algorithm>
#include <array>
#include <optional>

namespace lngeom::fuzz {

namespace {

// The file's "size of lengths", from the first superblock at 0, 512, 1024, 2048... as HDF5
// looks for it.
std::optional<unsigned> length_size(std::span<const std::uint8_t> file) {
    static constexpr std::array<std::uint8_t, 8> kSignature = {0x89, 'H',  'D',  'F',
                                                               '\r', '\n', 0x1a, '\n'};
    for (std::size_t at = 0; at + 16 <= file.size(); at = at == 0 ? 512 : at * 2) {
        if (!std::equal(kSignature.begin(), kSignature.end(), file.begin() + at)) continue;
        const unsigned version = file[at + 8];
        return file[at + (version < 2 ? 14 : 10)];
    }
    return std::nullopt;
}

class Collection {
  public:
    Collection(std::span<const std::uint8_t> file, std::uint64_t at) : file_(file), at_(at) {}

    std::uint8_t byte(std::uint64_t offset) const {
        return at_ < file_.size() && offset < file_.size() - at_ ? file_[at_ + offset] : 0;
    }

    // A length field of `size` bytes, little-endian; HDF5 keeps its low 8 bytes.
    std::uint64_t length(std::uint64_t offset, unsigned size) const {
        std::uint64_t value = 0;
        for (unsigned i = std::min(size, 8u); i-- > 0;) value = value << 8 | byte(offset + i);
        return value;
    }

  private:
    std::span<const std::uint8_t> file_;
    std::uint64_t at_;
};

}  // namespace

bool global_heap_walk_ends(std::span<const std::uint8_t> file, std::uint64_t at) {
    const Collection heap(file, at);
    if (heap.byte(0) != 'G' || heap.byte(1) != 'C' || heap.byte(2) != 'O' || heap.byte(3) != 'L' ||
        heap.byte(4) != 1)
        return true;
    const std::optional<unsigned> lengths = length_size(file);
    if (!lengths) return true;
    // H5HG_SIZEOF_HDR and H5HG_SIZEOF_OBJHDR: both 8 bytes and a length.
    const std::uint64_t header = 8 + *lengths;
    const std::uint64_t size = heap.length(8, *lengths);
    // libhdf5's arithmetic, modulo 2^64 as its size_t is.
    for (std::uint64_t p = header; p < size;) {
        if (size - p < header) return true;  // the rest is free space
        const unsigned index = heap.byte(p) | unsigned(heap.byte(p + 1)) << 8;
        const std::uint64_t object = heap.length(p + 8, *lengths);
        const std::uint64_t need = index > 0 ? header + 8 * ((object + 7) / 8) : object;
        if (need == 0 || need > size - p) return false;
        p += need;
    }
    return true;
}

}  // namespace lngeom::fuzz
