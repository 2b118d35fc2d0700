#include "core/io/hdf5/hdf5_chunk_index.h"

#include <set>
#include <vector>

#include "core/errors.h"
#include "core/io/hdf5/hdf5_activity.h"
#include "core/io/hdf5/hdf5_chunk_inflation.h"
#include "core/io/hdf5/hdf5_chunked_read.h"
#include "core/io/hdf5/hdf5_dataset.h"

namespace lngeom::hdf5 {

namespace {

// Every stored chunk's record is checked. Up to kMaxListedChunks they are listed by position
// in the index, which also finds records no read would look up (each listing walks the index
// from its start, so the cost grows with the square); beyond, each cell of the chunk grid is
// looked up (a walk down the index, microseconds) when the grid has at most kMaxGridLookups
// cells, and a larger index is only walked.
constexpr hsize_t kMaxListedChunks = 4096;
constexpr hsize_t kMaxGridLookups = hsize_t(1) << 20;
struct Chunking {
    const Dataset& dataset;
    std::vector<hsize_t> shape;
    std::vector<hsize_t> chunk;
    hsize_t decoded = 0;  // bytes of one chunk's values
    std::vector<H5Z_filter_t> pipeline;
    bool decoded_by_lngeom = false;
};

bool on_grid(const Chunking& chunking, const std::vector<hsize_t>& offset) {
    for (size_t i = 0; i < offset.size(); ++i)
        if (offset[i] % chunking.chunk[i] != 0 || offset[i] >= chunking.shape[i]) return false;
    return true;
}

void check_record(const Chunking& chunking, const std::vector<hsize_t>& offset, unsigned mask,
                  haddr_t address, hsize_t size, const Where& where) {
    if (address == HADDR_UNDEF) return;  // not stored: it reads as the fill value
    if (!on_grid(chunking, offset)) {
        throw FormatError(where.file, where.object,
                          "has a damaged chunk index: it records a chunk at " +
                              chunk_coordinates(offset) + ", which is not a chunk of its shape " +
                              chunk_coordinates(chunking.shape));
    }
    require_stored_size(offset, size, chunking.decoded, chunking.pipeline, mask, where);
    // The reader decodes these chunks itself, in bounded memory, when it reads them.
    if (chunking.decoded_by_lngeom) return;
    require_bounded_inflation(chunking.dataset, chunking.pipeline, offset, size, chunking.decoded,
                              where);
}

hsize_t grid_cells(const Chunking& chunking) {
    hsize_t cells = 1;
    for (size_t i = 0; i < chunking.shape.size(); ++i) {
        const hsize_t along = (chunking.shape[i] + chunking.chunk[i] - 1) / chunking.chunk[i];
        if (along != 0 && cells > kMaxGridLookups / along) return kMaxGridLookups + 1;
        cells *= along;
    }
    return cells;
}

// Advances `offset` to the next chunk of the grid, last dimension fastest; false past the end.
bool next_chunk(const Chunking& chunking, std::vector<hsize_t>& offset) {
    for (size_t i = offset.size(); i-- > 0;) {
        offset[i] += chunking.chunk[i];
        if (offset[i] < chunking.shape[i]) return true;
        offset[i] = 0;
    }
    return false;
}

// Two records of one chunk: a lookup by position finds one and libhdf5's read (H5Dread_chunk)
// may take the other, so a buffer sized by the first overflows with the second's bytes.
[[noreturn]] void throw_recorded_twice(const std::vector<hsize_t>& offset, const Where& where) {
    throw FormatError(where.file, where.object,
                      "has a damaged chunk index: it records the chunk at " +
                          chunk_coordinates(offset) + " more than once");
}

// Every cell of the grid is looked up; the index must record no more chunks than were found.
void check_every_cell(const Chunking& chunking, hsize_t stored, const Where& where) {
    std::vector<hsize_t> offset(chunking.shape.size(), 0);
    hsize_t found = 0;
    do {
        unsigned mask = 0;
        haddr_t address = HADDR_UNDEF;
        hsize_t size = 0;
        check_status(H5Dget_chunk_info_by_coord(chunking.dataset.id(), offset.data(), &mask,
                                                &address, &size),
                     where, "cannot look up a chunk");
        check_record(chunking, offset, mask, address, size, where);
        if (address != HADDR_UNDEF) ++found;
    } while (next_chunk(chunking, offset));
    if (found == stored) return;
    throw FormatError(where.file, where.object,
                      "has a damaged chunk index: it records " + std::to_string(stored) +
                          " chunks, but only " + std::to_string(found) +
                          " cells of its grid are stored (a chunk recorded twice, or off the "
                          "grid)");
}

void check_stored(const Dataspace& space, hsize_t stored, const Chunking& chunking,
                  const Where& where) {
    std::vector<hsize_t> offset(chunking.shape.size(), 0);
    std::set<std::vector<hsize_t>> recorded;
    for (hsize_t index = 0; index < stored; ++index) {
        unsigned mask = 0;
        haddr_t address = HADDR_UNDEF;
        hsize_t size = 0;
        check_status(H5Dget_chunk_info(chunking.dataset.id(), space.id(), index, offset.data(),
                                       &mask, &address, &size),
                     where, "cannot list a chunk");
        check_record(chunking, offset, mask, address, size, where);
        if (!recorded.insert(offset).second) throw_recorded_twice(offset, where);
    }
}

}  // namespace

void walk_chunk_index(const Dataset& dataset, const Where& where) {
    const PropertyList creation(
        check_id(H5Dget_create_plist(dataset.id()), where, "cannot get the creation plist"));
    if (H5Pget_layout(creation.id()) != H5D_CHUNKED) return;
    announce(where, "reading its chunk index");
    const Dataspace space(check_id(H5Dget_space(dataset.id()), where, "cannot get dataspace"));
    // Counting the stored chunks visits every record of the index.
    hsize_t stored = 0;
    check_status(H5Dget_num_chunks(dataset.id(), space.id(), &stored), where,
                 "cannot read the chunk index");
    Chunking chunking{dataset, dataset_shape(dataset, where), chunk_shape(dataset, where),
                      chunk_bytes(dataset, where), filter_pipeline(creation.id(), where)};
    chunking.decoded_by_lngeom = decodes_chunks_itself(dataset, chunking.pipeline, where);
    if (stored <= kMaxListedChunks)
        check_stored(space, stored, chunking, where);
    else if (grid_cells(chunking) <= kMaxGridLookups)
        check_every_cell(chunking, stored, where);
}

}  // namespace lngeom::hdf5
