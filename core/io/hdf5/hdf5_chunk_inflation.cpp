#include "core/io/hdf5/hdf5_chunk_inflation.h"

#include <algorithm>
#include <optional>

#include "core/errors.h"

namespace lngeom::hdf5 {

std::string chunk_coordinates(const std::vector<hsize_t>& offset) {
    std::string text;
    for (hsize_t value : offset) text += (text.empty() ? "" : ", ") + std::to_string(value);
    return "(" + text + ")";
}

std::vector<H5Z_filter_t> filter_pipeline(hid_t creation_plist, const Where& where) {
    const int count = check_status(H5Pget_nfilters(creation_plist), where, "cannot list filters");
    std::vector<H5Z_filter_t> filters;
    for (int i = 0; i < count; ++i) {
        unsigned flags = 0, config = 0;
        std::size_t n_values = 0;
        filters.push_back(check_status(H5Pget_filter2(creation_plist, unsigned(i), &flags,
                                                      &n_values, nullptr, 0, nullptr, &config),
                                       where, "cannot read filter"));
    }
    return filters;
}

namespace {

// The filters of `pipeline` that the chunk's filter `mask` does not mark as skipped.
std::vector<H5Z_filter_t> applied_filters(const std::vector<H5Z_filter_t>& pipeline,
                                          unsigned mask) {
    std::vector<H5Z_filter_t> applied;
    for (size_t i = 0; i < pipeline.size(); ++i)
        if (i >= 32 || !(mask & (1u << i))) applied.push_back(pipeline[i]);
    return applied;
}

// The exact stored size of a chunk whose `applied` filters never change its size but for
// fletcher32's appended checksum; nullopt when one of them may shrink it.
std::optional<hsize_t> exact_stored_size(const std::vector<H5Z_filter_t>& applied,
                                         hsize_t decoded) {
    hsize_t exact = decoded;
    for (H5Z_filter_t filter : applied) {
        if (filter == H5Z_FILTER_FLETCHER32)
            exact += kFletcher32Bytes;
        else if (filter != H5Z_FILTER_SHUFFLE)
            return std::nullopt;
    }
    return exact;
}

}  // namespace

void require_stored_size(const std::vector<hsize_t>& offset, hsize_t stored, hsize_t decoded,
                         const std::vector<H5Z_filter_t>& pipeline, unsigned mask,
                         const Where& where) {
    const std::vector<H5Z_filter_t> applied = applied_filters(pipeline, mask);
    const std::optional<hsize_t> exact = exact_stored_size(applied, decoded);
    const bool fits = exact ? stored == *exact : stored > 0 && stored <= decoded + kFilterSlack;
    if (fits) return;
    const std::string should =
        applied.empty() ? "its values take " + std::to_string(decoded)
        : exact         ? "its filters keep its size, so it must take " + std::to_string(*exact)
                        : "its values take " + std::to_string(decoded) + " before compression";
    throw FormatError(where.file, where.object,
                      "has a damaged chunk index: the chunk at " + chunk_coordinates(offset) +
                          " is stored in " + std::to_string(stored) + " bytes, but " + should);
}

Bytes read_stored_chunk(const Dataset& dataset, StoredChunk& chunk, hsize_t stored,
                        const Where& where) {
    Bytes raw(stored);
    check_status(
        H5Dread_chunk(dataset.id(), H5P_DEFAULT, chunk.offset.data(), &chunk.skipped, raw.data()),
        where, "cannot read the chunk at " + chunk_coordinates(chunk.offset));
    return raw;
}

void require_bounded_inflation(const Dataset& dataset, const std::vector<H5Z_filter_t>& pipeline,
                               const std::vector<hsize_t>& offset, hsize_t stored, hsize_t decoded,
                               const Where& where) {
    if (std::find(pipeline.begin(), pipeline.end(), H5Z_FILTER_DEFLATE) == pipeline.end()) return;
    // Shuffling keeps a chunk's size, so it is undone as if values were single bytes: no work.
    StoredChunk chunk{offset, 0, decoded, 1};
    Bytes data = read_stored_chunk(dataset, chunk, stored, where);
    // Filters after (outside) the first one lngeom does not undo are undone; its own size
    // checks apply to the rest when libhdf5 reads the chunk.
    undo_filters(pipeline, chunk, data, where);
}

}  // namespace lngeom::hdf5
