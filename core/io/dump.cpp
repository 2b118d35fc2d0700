#include "core/io/dump.h"

#include <algorithm>

#include "core/errors.h"
#include "core/io/dump_contents.h"
#include "core/io/hdf5/hdf5_dataset.h"
#include "core/io/hdf5/hdf5_objects.h"
#include "core/io/read_limits.h"
#include "core/io/token_columns.h"

namespace lngeom {

namespace {

std::string candidate_text(const DatasetCandidate& candidate) {
    std::string shape;
    for (Index extent : candidate.shape)
        shape += (shape.empty() ? "" : " x ") + std::to_string(extent);
    return candidate.path + " (" + shape + ", " + stored_type_name(candidate.type) + ")";
}

std::string only_candidate(const hdf5::File& file, const std::string& path) {
    const std::vector<DatasetCandidate> candidates = detail::find_candidates(file, path);
    if (candidates.size() == 1) return candidates.front().path;
    if (candidates.empty()) {
        throw FormatError(path, "/",
                          "has neither the native lngeom layout (root attribute format = "
                          "\"lngeom-activations\") nor a float dataset of rank 2 (n_tokens, d) "
                          "or rank 3 (n_layers, n_tokens, d)");
    }
    std::string list;
    for (const DatasetCandidate& candidate : candidates)
        list += (list.empty() ? "" : ", ") + candidate_text(candidate);
    throw SeveralDatasetsError(
        path, "/", "has several float datasets: " + list + "; pass --dataset with the one to open");
}

// Every shard file the sites' datasets read from, sorted, each once.
std::vector<std::string> shard_files_of(const std::vector<detail::SiteSource>& sites) {
    std::vector<std::string> files;
    const auto take = [&files](const detail::FloatDataset& data) {
        files.insert(files.end(), data.shard_files.begin(), data.shard_files.end());
    };
    for (const detail::SiteSource& site : sites) {
        take(site.input);
        for (const auto* optional : {&site.output, &site.gamma, &site.beta})
            if (*optional) take(**optional);
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

// Every site of a dump sees the same tokens (each layout checks it), so a dump whose first site
// has none has nothing to show anywhere: refused at once, as a file, rather than by the first read
// of row 0 with a message about row ranges.
void require_tokens(const detail::DumpContents& contents) {
    if (contents.info.n_tokens > 0) return;
    const std::string& object = contents.sites.front().input.where.object;
    const std::size_t n_sites = contents.sites.size();
    std::string where;
    if (contents.info.layout == Layout::Generic3D)
        where = " in each of its " + std::to_string(n_sites) + " layers";
    else if (n_sites > 1)
        where = ", nor has any of the dump's other " + std::to_string(n_sites - 1) + " sites";
    throw FormatError(contents.info.path, object,
                      "has no tokens (0 rows)" + where + "; there is nothing to show");
}

detail::DumpContents open_layout(const std::string& path, const std::string& dataset) {
    hdf5::File file = hdf5::open_file_read_only(path);
    if (!dataset.empty()) return detail::open_generic_layout(std::move(file), path, dataset);
    if (detail::has_native_marker(file, path))
        return detail::open_native_layout(std::move(file), path);
    const std::string only = only_candidate(file, path);
    return detail::open_generic_layout(std::move(file), path, only);
}

detail::DumpContents open_contents(const std::string& path, const std::string& dataset) {
    detail::DumpContents contents = open_layout(path, dataset);
    require_tokens(contents);
    if (contents.info.layout == Layout::Native) detail::attach_token_columns(contents);
    contents.info.shard_files = shard_files_of(contents.sites);
    return contents;
}

void require_range(const std::string& file, const std::string& object, Index first, Index count,
                   Index n_rows) {
    if (first >= 0 && count >= 0 && first <= n_rows && count <= n_rows - first) return;
    throw RequestError(file, object,
                       "rows [" + std::to_string(first) + ", " + std::to_string(first + count) +
                           ") are outside the " + std::to_string(n_rows) + " rows [0, " +
                           std::to_string(n_rows) + ")");
}

}  // namespace

const char* stored_type_name(StoredType type) {
    switch (type) {
        case StoredType::Float16:
            return "float16";
        case StoredType::BFloat16:
            return "bfloat16";
        case StoredType::Float32:
            return "float32";
        case StoredType::Float64:
            return "float64";
    }
    return "unknown";
}

struct Dump::Impl {
    detail::DumpContents contents;

    const detail::SiteSource& site(SiteIndex index) const {
        if (index < contents.sites.size()) return contents.sites[index];
        throw RequestError(contents.info.path, "",
                           "site " + std::to_string(index) + " does not exist; the dump has " +
                               std::to_string(contents.sites.size()) + " sites");
    }

    const detail::FloatDataset& stream(SiteIndex index, Stream which) const {
        const detail::SiteSource& source = site(index);
        if (which == Stream::Input) return source.input;
        if (source.output) return *source.output;
        throw RequestError(contents.info.path, source.input.where.object,
                           "site " + contents.info.sites[index].key + " has no output dataset");
    }

    void require_token_range(const std::string& object, Index first, Index count) const {
        require_range(contents.info.path, object, first, count, contents.info.n_tokens);
    }
};

Index RowBlock::n_rows() const {
    return std::visit([](const auto& matrix) { return matrix.rows(); }, rows);
}

Dump::Dump(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Dump::Dump(Dump&&) noexcept = default;
Dump& Dump::operator=(Dump&&) noexcept = default;
Dump::~Dump() = default;

Dump Dump::open(const std::string& path, const std::string& dataset) {
    return Dump(std::make_unique<Impl>(Impl{open_contents(path, dataset)}));
}

std::vector<DatasetCandidate> Dump::list_datasets(const std::string& path) {
    const hdf5::File file = hdf5::open_file_read_only(path);
    return detail::find_candidates(file, path);
}

const DumpInfo& Dump::info() const { return impl_->contents.info; }

std::vector<std::string> Dump::datasets() const {
    std::vector<std::string> paths;
    const auto add = [&paths](const std::string& path) {
        if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
    };
    for (const detail::SiteSource& site : impl_->contents.sites)
        for (const auto* data :
             {&site.input, site.output ? &*site.output : nullptr,
              site.gamma ? &*site.gamma : nullptr, site.beta ? &*site.beta : nullptr})
            if (data) add(data->where.object);
    if (info().has_tokens) add("/tokens");
    if (info().has_sequence) add("/sequence");
    if (info().has_position) add("/position");
    return paths;
}

void Dump::read_rows(SiteIndex site, Stream stream, Index first, Index count, RowBlock& out) const {
    hdf5::silence_error_printing();
    const detail::FloatDataset& data = impl_->stream(site, stream);
    require_range(data.where.file, data.where.object, first, count, info().sites[site].n_tokens);
    detail::require_rows_within(data, std::size_t(count), detail::kMaxReadBytes,
                                detail::read_limit_text());
    detail::read_float_rows(data, impl_->site(site).slice, first, count, out);
}

Eigen::VectorXd Dump::read_vector(SiteIndex site, Stream stream, Index row) const {
    RowBlock block;
    read_rows(site, stream, row, 1, block);
    return std::visit(
        [](const auto& rows) {
            return Eigen::VectorXd(rows.row(0).transpose().template cast<double>());
        },
        block.rows);
}

Index Dump::block_rows(SiteIndex site, std::size_t max_bytes) const {
    const detail::FloatDataset& input = impl_->site(site).input;
    const SiteInfo& about = info().sites[site];
    detail::require_rows_within(input, 1, detail::kMaxReadBytes, detail::read_limit_text());
    const std::size_t element_bytes = input.type == StoredType::Float64 ? 8 : 4;
    const std::size_t row_bytes = std::size_t(about.d) * element_bytes;
    // The chunk's extent along the token axis (the second-to-last axis); 1 when contiguous.
    const Index chunk_rows = input.chunk.empty() ? 1 : Index(input.chunk[input.chunk.size() - 2]);
    const Index fitting = Index(max_bytes / row_bytes) / chunk_rows * chunk_rows;
    const Index rows = std::min(std::max(fitting, chunk_rows), std::max<Index>(about.n_tokens, 1));
    // Even a chunk that tall is read in parts: no block exceeds the limit of one read.
    return std::min(rows, Index(detail::kMaxReadBytes / row_bytes));
}

std::optional<Eigen::VectorXd> Dump::read_gamma(SiteIndex site) const {
    hdf5::silence_error_printing();
    const auto& gamma = impl_->site(site).gamma;
    if (!gamma) return std::nullopt;
    return detail::read_float_vector(*gamma);
}

std::optional<Eigen::VectorXd> Dump::read_beta(SiteIndex site) const {
    hdf5::silence_error_printing();
    const auto& beta = impl_->site(site).beta;
    if (!beta) return std::nullopt;
    return detail::read_float_vector(*beta);
}

std::vector<std::string> Dump::read_tokens(Index first, Index count) const {
    hdf5::silence_error_printing();
    if (!info().has_tokens) throw RequestError(info().path, "/tokens", "the dump has no tokens");
    impl_->require_token_range("/tokens", first, count);
    return detail::read_token_strings(impl_->contents, first, count);
}

std::vector<std::int32_t> Dump::read_sequence(Index first, Index count) const {
    hdf5::silence_error_printing();
    if (!info().has_sequence)
        throw RequestError(info().path, "/sequence", "the dump has no sequence column");
    impl_->require_token_range("/sequence", first, count);
    return detail::read_int_column(impl_->contents, "/sequence", first, count);
}

std::vector<std::int32_t> Dump::read_position(Index first, Index count) const {
    hdf5::silence_error_printing();
    if (!info().has_position)
        throw RequestError(info().path, "/position", "the dump has no position column");
    impl_->require_token_range("/position", first, count);
    return detail::read_int_column(impl_->contents, "/position", first, count);
}

}  // namespace lngeom
