#include "core/io/hdf5/hdf5_chunk_inflation.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <optional>

#include "core/errors.h"
#include "core/io/read_limits.h"

namespace lngeom::hdf5 {

namespace {

using Bytes = std::vector<std::uint8_t>;

// The stream inflated, or nullopt when it is corrupt; `overflowed` when it would exceed `cap`.
std::optional<Bytes> inflate_capped(const Bytes& in, hsize_t cap, bool& overflowed) {
    z_stream stream{};
    stream.next_in = const_cast<Bytef*>(in.data());
    stream.avail_in = uInt(in.size());
    if (inflateInit(&stream) != Z_OK) return std::nullopt;
    Bytes out(std::min<hsize_t>(cap + 1, std::max<std::size_t>(4 * in.size(), 4096)));
    int status = Z_OK;
    while (status == Z_OK) {
        if (stream.total_out == out.size()) {
            if (out.size() > cap) break;
            out.resize(std::min<hsize_t>(cap + 1, 2 * out.size()));
        }
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

Bytes stored_bytes(const Dataset& dataset, const std::vector<hsize_t>& offset, hsize_t stored,
                   std::uint32_t& skipped, const Where& where) {
    Bytes raw(stored);
    check_status(H5Dread_chunk(dataset.id(), H5P_DEFAULT, offset.data(), &skipped, raw.data()),
                 where, "cannot read the chunk at " + chunk_coordinates(offset));
    return raw;
}

}  // namespace

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

void require_bounded_inflation(const Dataset& dataset, const std::vector<H5Z_filter_t>& pipeline,
                               const std::vector<hsize_t>& offset, hsize_t stored, hsize_t decoded,
                               const Where& where) {
    if (std::find(pipeline.begin(), pipeline.end(), H5Z_FILTER_DEFLATE) == pipeline.end()) return;
    std::uint32_t skipped = 0;
    Bytes data = stored_bytes(dataset, offset, stored, skipped, where);
    const hsize_t cap = decoded + kFilterSlack;
    // Reading undoes the filters last to first; those a chunk skipped have their bit set.
    for (std::size_t i = pipeline.size(); i-- > 0;) {
        if (skipped & (1u << i)) continue;
        if (pipeline[i] == H5Z_FILTER_FLETCHER32 && data.size() >= 4) {
            data.resize(data.size() - 4);
        } else if (pipeline[i] == H5Z_FILTER_DEFLATE) {
            bool overflowed = false;
            std::optional<Bytes> inflated = inflate_capped(data, cap, overflowed);
            if (overflowed)
                throw FormatError(where.file, where.object,
                                  "has a gzip-compressed chunk at " + chunk_coordinates(offset) +
                                      " that inflates to more than the " +
                                      detail::byte_text(double(decoded)) +
                                      " its values take; the file is damaged (or made to "
                                      "exhaust memory)");
            if (!inflated) return;
            data = std::move(*inflated);
        } else if (pipeline[i] != H5Z_FILTER_SHUFFLE) {
            return;  // a filter lngeom does not follow: its own size checks apply
        }
    }
}

}  // namespace lngeom::hdf5
