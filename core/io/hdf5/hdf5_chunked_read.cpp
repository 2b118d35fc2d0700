#include "core/io/hdf5/hdf5_chunked_read.h"

#include <algorithm>
#include <cstring>

#include "core/io/hdf5/hdf5_chunk_filters.h"
#include "core/io/hdf5/hdf5_chunk_inflation.h"
#include "core/io/hdf5/hdf5_dataset.h"

namespace lngeom::hdf5 {

namespace {

bool is_number(hid_t type) {
    const H5T_class_t type_class = H5Tget_class(type);
    return type_class == H5T_INTEGER || type_class == H5T_FLOAT;
}

// The elements [first, end) of a dataset, per axis.
struct Box {
    std::vector<hsize_t> first;
    std::vector<hsize_t> end;
};

// What reading a box chunk by chunk needs to know about the dataset and the values asked for.
struct ChunkedValues {
    const Dataset& dataset;
    std::vector<H5Z_filter_t> pipeline;
    std::vector<hsize_t> chunk;
    Datatype file_type;
    hid_t memory_type;
    size_t file_bytes;
    size_t memory_bytes;
    bool converted;   // the memory type differs from the file's
    hsize_t decoded;  // bytes of one chunk's values
    Bytes fill;       // the fill value in the memory type
};

// The index of `position` in the row-major array of `extent` starting at `origin`.
size_t element_index(const std::vector<hsize_t>& position, const std::vector<hsize_t>& origin,
                     const std::vector<hsize_t>& extent) {
    size_t index = 0;
    for (size_t i = 0; i < position.size(); ++i)
        index = index * extent[i] + position[i] - origin[i];
    return index;
}

// Calls visit(position) with the first element of every run of the box along its last axis.
template <typename Visit>
void for_each_run(const Box& box, Visit visit) {
    std::vector<hsize_t> position = box.first;
    while (true) {
        visit(position);
        size_t axis = position.size() - 1;
        do {
            if (axis-- == 0) return;
            if (++position[axis] < box.end[axis]) break;
            position[axis] = box.first[axis];
        } while (true);
    }
}

// Calls visit(origin) with the first element of every chunk that the box touches.
template <typename Visit>
void for_each_chunk(const std::vector<hsize_t>& chunk, const Box& box, Visit visit) {
    std::vector<hsize_t> first(chunk.size());
    for (size_t i = 0; i < chunk.size(); ++i) first[i] = box.first[i] / chunk[i] * chunk[i];
    std::vector<hsize_t> origin = first;
    while (true) {
        visit(origin);
        size_t axis = origin.size();
        do {
            if (axis-- == 0) return;
            origin[axis] += chunk[axis];
            if (origin[axis] < box.end[axis]) break;
            origin[axis] = first[axis];
        } while (true);
    }
}

size_t run_length(const Box& part) { return size_t(part.end.back() - part.first.back()); }

std::vector<hsize_t> extent_of(const Box& box) {
    std::vector<hsize_t> extent(box.first.size());
    for (size_t i = 0; i < extent.size(); ++i) extent[i] = box.end[i] - box.first[i];
    return extent;
}

// Copies the part of a decoded chunk (starting at `origin`) into the box's buffer, converted.
void copy_part(const ChunkedValues& values, const Bytes& decoded,
               const std::vector<hsize_t>& origin, const Box& part, const Box& box,
               std::uint8_t* out, const Where& where) {
    const std::vector<hsize_t> box_extent = extent_of(box);
    const size_t run = run_length(part);
    if (!values.converted) {
        for_each_run(part, [&](const std::vector<hsize_t>& position) {
            std::memcpy(
                out + element_index(position, box.first, box_extent) * values.memory_bytes,
                decoded.data() + element_index(position, origin, values.chunk) * values.file_bytes,
                run * values.file_bytes);
        });
        return;
    }
    // Gathered into one array, converted in place by libhdf5, then spread into the box.
    const std::vector<hsize_t> part_extent = extent_of(part);
    size_t n = 1;
    for (hsize_t extent : part_extent) n *= size_t(extent);
    Bytes gathered(n * std::max(values.file_bytes, values.memory_bytes));
    std::uint8_t* next = gathered.data();
    for_each_run(part, [&](const std::vector<hsize_t>& position) {
        const size_t from = element_index(position, origin, values.chunk) * values.file_bytes;
        std::memcpy(next, decoded.data() + from, run * values.file_bytes);
        next += run * values.file_bytes;
    });
    check_status(H5Tconvert(values.file_type.id(), values.memory_type, n, gathered.data(), nullptr,
                            H5P_DEFAULT),
                 where, "cannot convert the values");
    const std::uint8_t* converted = gathered.data();
    for_each_run(part, [&](const std::vector<hsize_t>& position) {
        const size_t to = element_index(position, box.first, box_extent) * values.memory_bytes;
        std::memcpy(out + to, converted, run * values.memory_bytes);
        converted += run * values.memory_bytes;
    });
}

void fill_part(const ChunkedValues& values, const Box& part, const Box& box, std::uint8_t* out) {
    const std::vector<hsize_t> box_extent = extent_of(box);
    const size_t run = run_length(part);
    for_each_run(part, [&](const std::vector<hsize_t>& position) {
        std::uint8_t* to =
            out + element_index(position, box.first, box_extent) * values.memory_bytes;
        for (size_t i = 0; i < run; ++i, to += values.memory_bytes)
            std::memcpy(to, values.fill.data(), values.memory_bytes);
    });
}

// The chunk's values as stored in the file; empty when the chunk is not stored.
Bytes decoded_chunk(const ChunkedValues& values, const std::vector<hsize_t>& origin,
                    const Where& where) {
    unsigned mask = 0;
    haddr_t address = HADDR_UNDEF;
    hsize_t stored = 0;
    check_status(
        H5Dget_chunk_info_by_coord(values.dataset.id(), origin.data(), &mask, &address, &stored),
        where, "cannot look up the chunk at " + chunk_coordinates(origin));
    if (address == HADDR_UNDEF) return {};
    require_stored_size(origin, stored, values.decoded, values.pipeline, mask, where);
    StoredChunk chunk{origin, 0, values.decoded, values.file_bytes};
    Bytes data = read_stored_chunk(values.dataset, chunk, stored, where);
    undo_filters(values.pipeline, chunk, data, where);
    require_decoded_size(chunk, data, where);
    return data;
}

Bytes fill_value(hid_t creation, hid_t memory_type, size_t memory_bytes, const Where& where) {
    Bytes fill(memory_bytes, 0);
    H5D_fill_value_t status = H5D_FILL_VALUE_UNDEFINED;
    check_status(H5Pfill_value_defined(creation, &status), where, "cannot read the fill value");
    if (status != H5D_FILL_VALUE_UNDEFINED)
        check_status(H5Pget_fill_value(creation, memory_type, fill.data()), where,
                     "cannot read the fill value");
    return fill;
}

}  // namespace

bool decodes_chunks_itself(const Dataset& dataset, const std::vector<H5Z_filter_t>& pipeline,
                           const Where& where) {
    if (std::find(pipeline.begin(), pipeline.end(), H5Z_FILTER_DEFLATE) == pipeline.end())
        return false;
    if (!std::all_of(pipeline.begin(), pipeline.end(), undoes_filter)) return false;
    const Datatype type(check_id(H5Dget_type(dataset.id()), where, "cannot get the element type"));
    return is_number(type.id());
}

bool read_box_by_chunks(const Dataset& dataset, hid_t memory_type,
                        const std::vector<hsize_t>& offset, const std::vector<hsize_t>& count,
                        void* buffer, const Where& where) {
    if (!is_number(memory_type)) return false;
    const PropertyList creation(
        check_id(H5Dget_create_plist(dataset.id()), where, "cannot get the creation plist"));
    if (H5Pget_layout(creation.id()) != H5D_CHUNKED) return false;
    std::vector<H5Z_filter_t> pipeline = filter_pipeline(creation.id(), where);
    if (!decodes_chunks_itself(dataset, pipeline, where)) return false;
    Datatype file_type(check_id(H5Dget_type(dataset.id()), where, "cannot get the element type"));
    const size_t file_bytes = H5Tget_size(file_type.id());
    const size_t memory_bytes = H5Tget_size(memory_type);
    const bool converted = H5Tequal(file_type.id(), memory_type) <= 0;
    const ChunkedValues values{dataset,
                               std::move(pipeline),
                               chunk_shape(dataset, where),
                               std::move(file_type),
                               memory_type,
                               file_bytes,
                               memory_bytes,
                               converted,
                               chunk_bytes(dataset, where),
                               fill_value(creation.id(), memory_type, memory_bytes, where)};

    Box box{offset, offset};
    for (size_t i = 0; i < offset.size(); ++i) box.end[i] += count[i];
    if (std::any_of(count.begin(), count.end(), [](hsize_t n) { return n == 0; })) return true;
    auto* out = static_cast<std::uint8_t*>(buffer);
    for_each_chunk(values.chunk, box, [&](const std::vector<hsize_t>& origin) {
        Box part{box.first, box.end};
        for (size_t i = 0; i < origin.size(); ++i) {
            part.first[i] = std::max(box.first[i], origin[i]);
            part.end[i] = std::min(box.end[i], origin[i] + values.chunk[i]);
        }
        const Bytes decoded = decoded_chunk(values, origin, where);
        if (decoded.empty())
            fill_part(values, part, box, out);
        else
            copy_part(values, decoded, origin, part, box, out, where);
    });
    return true;
}

}  // namespace lngeom::hdf5
