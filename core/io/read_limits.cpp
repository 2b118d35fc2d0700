#include "core/io/read_limits.h"

#include <array>
#include <cstdio>

#include "core/errors.h"

namespace lngeom::detail {

namespace {

// Bytes as a double: a declared shape may overflow 64 bits, and the message must still be true.
double product_bytes(const std::vector<hsize_t>& extents, double element_bytes) {
    double bytes = element_bytes;
    for (hsize_t extent : extents) bytes *= double(extent);
    return bytes;
}

double returned_element_bytes(const FloatDataset& data) {
    return data.type == StoredType::Float64 ? 8 : 4;
}

double stored_element_bytes(const FloatDataset& data) {
    return data.type == StoredType::Float16 || data.type == StoredType::BFloat16
               ? 2
               : returned_element_bytes(data);
}

}  // namespace

std::string byte_text(double bytes) {
    static constexpr std::array<const char*, 7> units{"bytes", "KiB", "MiB", "GiB",
                                                      "TiB",   "PiB", "EiB"};
    size_t unit = 0;
    while (bytes >= 1024 && unit + 1 < units.size()) {
        bytes /= 1024;
        ++unit;
    }
    char text[64];
    std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.3g %s", bytes, units[unit]);
    return text;
}

std::string read_limit_text() {
    return "the " + byte_text(double(kMaxReadBytes)) + " lngeom reads at once";
}

void require_chunk_within_limit(const FloatDataset& data) {
    const double bytes = product_bytes(data.chunk, stored_element_bytes(data));
    if (bytes <= double(kMaxReadBytes)) return;
    throw FormatError(data.where.file, data.where.object,
                      "has chunks of " + shape_text(data.chunk) + " values = " + byte_text(bytes) +
                          "; HDF5 decodes a whole chunk in memory and lngeom allows at most " +
                          byte_text(double(kMaxReadBytes)) +
                          " per read; re-save it with smaller chunks");
}

void require_row_chunks_within_limit(const FloatDataset& data) {
    if (data.chunk.empty() || data.shape.empty() || data.chunk.back() == 0) return;
    const hsize_t width = data.chunk.back();
    const hsize_t chunks = (data.shape.back() + width - 1) / width;
    if (chunks <= kMaxChunksPerRow) return;
    const hsize_t narrowest = (data.shape.back() + kMaxChunksPerRow - 1) / kMaxChunksPerRow;
    throw FormatError(
        data.where.file, data.where.object,
        "has chunks of " + shape_text(data.chunk) + " values, which split each row of " +
            std::to_string(data.shape.back()) + " values into " + std::to_string(chunks) +
            " chunks; lngeom reads a row from at most " + std::to_string(kMaxChunksPerRow) +
            " chunks (one chunk-index lookup each); re-save it with chunks at least " +
            std::to_string(narrowest) + " values wide");
}

void require_rows_within(const FloatDataset& data, std::size_t rows, std::size_t max_bytes,
                         const std::string& budget) {
    const hsize_t d = data.shape.empty() ? 0 : data.shape.back();
    const double bytes = product_bytes({rows, d}, returned_element_bytes(data));
    if (bytes <= double(max_bytes)) return;
    const std::string what =
        rows == 1 ? "one row of d = " + std::to_string(d) + " values"
                  : std::to_string(rows) + " rows of d = " + std::to_string(d) + " values";
    throw RequestError(data.where.file, data.where.object,
                       what + " needs " + byte_text(bytes) + ", more than " + budget);
}

void require_vector_within_limit(const FloatDataset& data) {
    const double bytes = product_bytes(data.shape, 8);
    if (bytes <= double(kMaxReadBytes)) return;
    throw RequestError(data.where.file, data.where.object,
                       "its " + shape_text(data.shape) + " values need " + byte_text(bytes) +
                           " as float64, more than " + read_limit_text());
}

}  // namespace lngeom::detail
