#pragma once
// Internal to the core: how much memory one read may take. A file can declare any shape, so
// every allocation sized by the file is checked here first and refused with a message, never
// left to fail inside the allocator.

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/io/float_dataset.h"

namespace lngeom::detail {

// The most one read may need: the rows it returns, or one chunk HDF5 holds to decode it.
inline constexpr std::size_t kMaxReadBytes = std::size_t(1) << 30;

// "512 MiB", "4 TiB": sizes in the units a user reads at a glance.
std::string byte_text(double bytes);

// "the 1 GiB lngeom reads at once", for messages.
std::string read_limit_text();

// FormatError when one chunk of the dataset is larger than kMaxReadBytes.
void require_chunk_within_limit(const FloatDataset& data);

// The most chunks one row may span: reading a row looks each of them up in the chunk index.
// h5py's automatic chunking gives 512 for 10^6 x 65536 and 1,024 for 10^8 x 4096 float16, and
// passes 4,096 only for datasets over about 100 TB.
inline constexpr std::uint64_t kMaxChunksPerRow = 4096;

// FormatError when one row (the last axis) of the dataset spans more than kMaxChunksPerRow
// chunks; checked when rows are read, so that such a file still opens and its sites list.
void require_row_chunks_within_limit(const FloatDataset& data);

// RequestError when `rows` rows as returned (4 bytes a value, 8 for float64) exceed `max_bytes`;
// `budget` names the limit in the message ("the memory budget of 64 MiB per block").
void require_rows_within(const FloatDataset& data, std::size_t rows, std::size_t max_bytes,
                         const std::string& budget);

// RequestError when a rank-1 dataset widened to float64 exceeds kMaxReadBytes.
void require_vector_within_limit(const FloatDataset& data);

}  // namespace lngeom::detail
