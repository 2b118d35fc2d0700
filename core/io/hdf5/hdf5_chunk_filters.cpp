#include "core/io/hdf5/hdf5_chunk_filters.h"

#include <zlib.h>

#include <algorithm>
#include <optional>
#include <string>

#include "core/errors.h"
#include "core/io/hdf5/hdf5_chunk_inflation.h"
#include "core/io/read_limits.h"

namespace lngeom::hdf5 {

namespace {

// The stream inflated, or nullopt when it is corrupt; `overflowed` when it would exceed `cap`.
std::optional<Bytes> inflate_capped(const Bytes& in, hsize_t cap, bool& overflowed) {
    z_stream stream{};
    stream.next_in = const_cast<Bytef*>(in.data());
    stream.avail_in = uInt(in.size());
    if (inflateInit(&stream) != Z_OK) return std::nullopt;
    // A chunk's values fit in cap bytes: one buffer of that size (plus the byte that tells an
    // overflow) is never grown, and a bomb never gets more. Deflate gives at most 1032 bytes per
    // byte of stream (258-byte matches in 2-bit codes), so a damaged chunk that declares far more
    // values than its stream can hold does not have hundreds of MB zeroed before it is found short.
    constexpr hsize_t kMostInflatedPerByte = 1032;
    Bytes out(std::min<hsize_t>(cap + 1, hsize_t(in.size()) * kMostInflatedPerByte + 64));
    int status = Z_OK;
    while (status == Z_OK && stream.total_out < out.size()) {
        stream.next_out = out.data() + stream.total_out;
        stream.avail_out = uInt(out.size() - stream.total_out);
        status = inflate(&stream, Z_NO_FLUSH);
    }
    overflowed = stream.total_out > cap;
    out.resize(stream.total_out);
    inflateEnd(&stream);
    if (status != Z_STREAM_END && !overflowed) return std::nullopt;
    return out;
}

// HDF5's Fletcher-32 (H5_checksum_fletcher32): 16-bit big-endian words, sums starting at 0.
std::uint32_t fletcher32(const std::uint8_t* data, size_t length) {
    std::uint32_t sum1 = 0, sum2 = 0;
    for (size_t words = length / 2; words > 0;) {
        // 360 sums are the most that cannot overflow before the reduction.
        const size_t run = std::min<size_t>(words, 360);
        words -= run;
        for (size_t i = 0; i < run; ++i, data += 2) {
            sum1 += std::uint32_t(data[0]) << 8 | data[1];
            sum2 += sum1;
        }
        sum1 = (sum1 & 0xffff) + (sum1 >> 16);
        sum2 = (sum2 & 0xffff) + (sum2 >> 16);
    }
    if (length % 2) {
        sum1 += std::uint32_t(*data) << 8;
        sum2 += sum1;
        sum1 = (sum1 & 0xffff) + (sum1 >> 16);
        sum2 = (sum2 & 0xffff) + (sum2 >> 16);
    }
    sum1 = (sum1 & 0xffff) + (sum1 >> 16);
    sum2 = (sum2 & 0xffff) + (sum2 >> 16);
    return sum2 << 16 | sum1;
}

std::string chunk_text(const StoredChunk& chunk) {
    return "chunk at " + chunk_coordinates(chunk.offset);
}

// Strips the checksum the filter appended (little-endian); HDF5 before 1.6.3 stored it with
// its bytes reversed, which HDF5 still accepts, and so does lngeom.
void strip_fletcher32(const StoredChunk& chunk, Bytes& data, const Where& where) {
    if (data.size() < kFletcher32Bytes)
        throw FormatError(where.file, where.object,
                          "has a " + chunk_text(chunk) + " too short (" +
                              std::to_string(data.size()) + " bytes) to hold its checksum");
    const size_t length = data.size() - kFletcher32Bytes;
    std::uint32_t stored = 0;
    for (int i = 3; i >= 0; --i) stored = stored << 8 | data[length + size_t(i)];
    const std::uint32_t computed = fletcher32(data.data(), length);
    if (stored != computed && stored != __builtin_bswap32(computed))
        throw FormatError(where.file, where.object,
                          "has a " + chunk_text(chunk) +
                              " whose fletcher32 checksum does not match its bytes; the file "
                              "is damaged");
    data.resize(length);
}

void inflate_chunk(const StoredChunk& chunk, Bytes& data, const Where& where) {
    bool overflowed = false;
    std::optional<Bytes> inflated = inflate_capped(data, chunk.decoded + kFilterSlack, overflowed);
    if (overflowed)
        throw FormatError(where.file, where.object,
                          "has a gzip-compressed " + chunk_text(chunk) +
                              " that inflates to more than the " +
                              detail::byte_text(double(chunk.decoded)) +
                              " its values take; the file is damaged (or made to exhaust "
                              "memory)");
    if (!inflated)
        throw FormatError(where.file, where.object,
                          "has a gzip-compressed " + chunk_text(chunk) +
                              " whose stream is corrupt; the file is damaged");
    data = std::move(*inflated);
}

// Shuffling stored byte k of every value together, then byte k + 1, ...; the bytes after the
// last whole value stay in place.
void unshuffle(size_t element_bytes, Bytes& data) {
    const size_t count = element_bytes > 1 ? data.size() / element_bytes : 0;
    if (count < 2) return;
    Bytes values(data.size());
    for (size_t byte = 0; byte < element_bytes; ++byte) {
        const std::uint8_t* from = data.data() + byte * count;
        for (size_t i = 0; i < count; ++i) values[i * element_bytes + byte] = from[i];
    }
    std::copy(data.begin() + std::ptrdiff_t(count * element_bytes), data.end(),
              values.begin() + std::ptrdiff_t(count * element_bytes));
    data = std::move(values);
}

}  // namespace

bool undoes_filter(H5Z_filter_t filter) {
    return filter == H5Z_FILTER_DEFLATE || filter == H5Z_FILTER_SHUFFLE ||
           filter == H5Z_FILTER_FLETCHER32;
}

size_t undo_filters(const std::vector<H5Z_filter_t>& pipeline, const StoredChunk& chunk,
                    Bytes& data, const Where& where) {
    for (size_t i = pipeline.size(); i-- > 0;) {
        if (chunk.skipped & (1u << i)) continue;
        if (pipeline[i] == H5Z_FILTER_FLETCHER32)
            strip_fletcher32(chunk, data, where);
        else if (pipeline[i] == H5Z_FILTER_DEFLATE)
            inflate_chunk(chunk, data, where);
        else if (pipeline[i] == H5Z_FILTER_SHUFFLE)
            unshuffle(chunk.element_bytes, data);
        else
            return i + 1;
    }
    return 0;
}

void require_decoded_size(const StoredChunk& chunk, const Bytes& data, const Where& where) {
    if (data.size() == chunk.decoded) return;
    throw FormatError(where.file, where.object,
                      "has a " + chunk_text(chunk) + " that decodes to " +
                          std::to_string(data.size()) + " bytes, but its values take " +
                          std::to_string(chunk.decoded) + "; the file is damaged");
}

}  // namespace lngeom::hdf5
