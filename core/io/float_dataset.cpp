#include "core/io/float_dataset.h"

#include <algorithm>
#include <memory>

#include "core/errors.h"
#include "core/io/half_float.h"
#include "core/io/hdf5/hdf5_containment.h"
#include "core/io/hdf5/hdf5_dataset.h"
#include "core/io/hdf5/hdf5_objects.h"
#include "core/io/read_limits.h"

namespace lngeom::detail {

namespace {

// The box of rows [first, first + count) × all of d, in the dataset's own rank.
void row_box(const FloatDataset& data, hsize_t slice, Index first, Index count,
             std::vector<hsize_t>& offset, std::vector<hsize_t>& extent) {
    const hsize_t d = data.shape.back();
    if (data.shape.size() == 3) {
        offset = {slice, hsize_t(first), 0};
        extent = {1, hsize_t(count), d};
    } else {
        offset = {hsize_t(first), 0};
        extent = {hsize_t(count), d};
    }
}

void read_as_float(const FloatDataset& data, const std::vector<hsize_t>& offset,
                   const std::vector<hsize_t>& extent, float* out, size_t n) {
    if (data.type == StoredType::Float32) {
        hdf5::read_box(data.dataset, H5T_NATIVE_FLOAT, offset, extent, out, data.where);
        return;
    }
    // Not zero-filled: the read overwrites every word, and filling 1 MiB per block cost the
    // pass a few per cent.
    const auto bits = std::make_unique_for_overwrite<std::uint16_t[]>(n);
    hdf5::read_box_raw16(data.dataset, offset, extent, bits.get(), data.where);
    if (data.type == StoredType::Float16) {
        widen_float16(bits.get(), out, n);
    } else {
        widen_bfloat16(bits.get(), out, n);
    }
}

template <typename Matrix>
Matrix& block_matrix(RowBlock& out, Index rows, Index cols) {
    if (!std::holds_alternative<Matrix>(out.rows)) out.rows.emplace<Matrix>();
    Matrix& matrix = std::get<Matrix>(out.rows);
    matrix.resize(rows, cols);
    return matrix;
}

}  // namespace

FloatDataset open_float_dataset(const hdf5::File& file, const hdf5::Where& where,
                                const std::string& path) {
    const hdf5::Where here{where.file, path};
    FloatDataset data{
        hdf5::open_dataset(file.id(), path, here), here, StoredType::Float32, {}, {}, {}};
    const std::optional<StoredType> type = hdf5::stored_float_type(data.dataset, here);
    if (!type) {
        throw FormatError(here.file, path,
                          "has element type " + hdf5::type_description(data.dataset, here) +
                              "; lngeom reads float16, bfloat16 (uint16 with attribute dtype = "
                              "\"bfloat16\"), float32 or float64");
    }
    data.type = *type;
    data.shape = hdf5::dataset_shape(data.dataset, here);
    data.chunk = hdf5::chunk_shape(data.dataset, here);
    hdf5::require_filters_available(data.dataset, here);
    data.shard_files = hdf5::require_values_inside_file(data.dataset, here);
    require_chunk_within_limit(data);
    return data;
}

void require_rank(const FloatDataset& data, const std::vector<size_t>& ranks,
                  const std::string& expected) {
    if (std::find(ranks.begin(), ranks.end(), data.shape.size()) != ranks.end()) return;
    throw FormatError(data.where.file, data.where.object,
                      "has rank " + std::to_string(data.shape.size()) + ", shape " +
                          shape_text(data.shape) + "; expected " + expected);
}

void require_useful_width(const FloatDataset& data) {
    const hsize_t d = data.shape.empty() ? 0 : data.shape.back();
    if (d >= 2) return;
    const std::string reason =
        d == 0 ? "has d = 0: the vectors have no components"
               : "has d = 1: the hyperplane orthogonal to 1 is then just the origin, so the "
                 "geometry of normalization is trivial; lngeom needs d >= 2";
    throw FormatError(data.where.file, data.where.object, reason);
}

std::string shape_text(const std::vector<hsize_t>& shape) {
    std::string text;
    for (hsize_t extent : shape) text += (text.empty() ? "" : " x ") + std::to_string(extent);
    return "(" + text + ")";
}

void read_float_rows(const FloatDataset& data, hsize_t slice, Index first, Index count,
                     RowBlock& out) {
    require_row_chunks_within_limit(data);
    const Index d = Index(data.shape.back());
    out.first_row = first;
    std::vector<hsize_t> offset, extent;
    row_box(data, slice, first, count, offset, extent);
    if (data.type == StoredType::Float64) {
        RowMatrixD& rows = block_matrix<RowMatrixD>(out, count, d);
        if (count > 0)
            hdf5::read_box(data.dataset, H5T_NATIVE_DOUBLE, offset, extent, rows.data(),
                           data.where);
        return;
    }
    RowMatrixF& rows = block_matrix<RowMatrixF>(out, count, d);
    if (count > 0) read_as_float(data, offset, extent, rows.data(), size_t(rows.size()));
}

Eigen::VectorXd read_float_vector(const FloatDataset& data) {
    const hsize_t n = data.shape.empty() ? 0 : data.shape[0];
    require_vector_within_limit(data);
    require_row_chunks_within_limit(data);
    Eigen::VectorXd values(static_cast<Index>(n));
    if (n == 0) return values;
    if (data.type == StoredType::Float32 || data.type == StoredType::Float64) {
        hdf5::read_box(data.dataset, H5T_NATIVE_DOUBLE, {0}, {n}, values.data(), data.where);
        return values;
    }
    std::vector<float> widened(n);
    read_as_float(data, {0}, {n}, widened.data(), n);
    std::copy(widened.begin(), widened.end(), values.data());
    return values;
}

}  // namespace lngeom::detail
