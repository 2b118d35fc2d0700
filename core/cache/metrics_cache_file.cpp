#include "core/cache/metrics_cache_file.h"

#include <filesystem>
#include <mutex>

#include "core/cache/cache_identity.h"
#include "core/cache/metrics_cache_layout.h"
#include "core/errors.h"
#include "core/io/hdf5/hdf5_attributes.h"
#include "core/io/hdf5/hdf5_dataset.h"
#include "core/io/hdf5/hdf5_objects.h"

namespace lngeom {

namespace {

// Chunks kept per open column: a table reading neighbouring tokens finds them here; a scan
// reads whole chunks anyway. Small, since a dump may have hundreds of site × metric columns.
constexpr std::size_t kColumnChunkCacheBytes = 4 * cache_layout::kChunkRows * sizeof(float);
// Rows per read of a whole-column scan: 1 MiB of float32.
constexpr Index kScanRows = Index(16 * cache_layout::kChunkRows);

// A cache that does not look as written is not used: this signals it inside open().
struct NotUsable {};

void require(bool condition) {
    if (!condition) throw NotUsable{};
}

struct SiteHandles {
    std::string group;
    Index n_tokens = 0;
    std::vector<Metric> metrics;
    std::vector<hdf5::Dataset> values;
    hdf5::Dataset flags;
};

// A 1-D column of `rows` elements of class `type_class` and `bytes` each.
hdf5::Dataset open_column(hid_t group, const std::string& name, Index rows, H5T_class_t type_class,
                          std::size_t bytes, const hdf5::Where& where) {
    require(hdf5::is_dataset(group, name, where));
    hdf5::Dataset dataset =
        hdf5::open_dataset_with_chunk_cache(group, name, where, kColumnChunkCacheBytes);
    require(hdf5::dataset_shape(dataset, where) == std::vector<hsize_t>{hsize_t(rows)});
    const hdf5::Datatype type(hdf5::check_id(H5Dget_type(dataset.id()), where, "H5Dget_type"));
    require(H5Tget_class(type.id()) == type_class && H5Tget_size(type.id()) == bytes);
    return dataset;
}

Summary read_summary(hid_t column, const hdf5::Where& where) {
    Summary summary{};
    const auto count = hdf5::integer_attribute(column, "count", where);
    require(count.has_value());
    summary.count = *count;
    double* values[] = {&summary.mean, &summary.std, &summary.min, &summary.max,
                        &summary.p01,  &summary.p50, &summary.p99};
    for (std::size_t k = 0; k < cache_layout::kSummaryValues.size(); ++k) {
        const auto value = hdf5::number_attribute(column, cache_layout::kSummaryValues[k], where);
        require(value.has_value());
        *values[k] = *value;
    }
    return summary;
}

Index count_attribute(hid_t group, const char* name, const hdf5::Where& where) {
    const auto value = hdf5::integer_attribute(group, name, where);
    require(value.has_value() && *value >= 0);
    return *value;
}

}  // namespace

struct MetricsCacheFile::Handles {
    std::string path;
    hdf5::File file;
    std::vector<SiteHandles> sites;
    // Set once a damaged chunk was found and the file removed.
    mutable std::once_flag removed;
};

namespace {

class CachedColumns : public ColumnSource {
  public:
    CachedColumns(std::shared_ptr<const MetricsCacheFile::Handles> handles, SiteIndex site)
        : handles_(std::move(handles)), site_(handles_->sites.at(site)) {}

    const std::string& path() const override { return handles_->path; }
    Index n_tokens() const override { return site_.n_tokens; }
    const std::vector<Metric>& metrics() const override { return site_.metrics; }
    Index block_rows() const override { return kScanRows; }

    void read(Metric metric, Index first, std::span<float> out) const override {
        check_read(metric, first, Index(out.size()));
        const auto m = std::size_t(std::find(site_.metrics.begin(), site_.metrics.end(), metric) -
                                   site_.metrics.begin());
        read_rows(site_.values[m], H5T_NATIVE_FLOAT, first, out.size(), out.data(),
                  std::string(describe(metric).key));
    }

    void read_flags(Index first, std::span<std::uint8_t> out) const override {
        check_rows(first, Index(out.size()));
        read_rows(site_.flags, H5T_NATIVE_UINT8, first, out.size(), out.data(),
                  cache_layout::kFlags);
    }

  private:
    void read_rows(const hdf5::Dataset& dataset, hid_t type, Index first, std::size_t count,
                   void* out, const std::string& column) const {
        if (count == 0) return;
        const hdf5::Where where{handles_->path, site_.group + "/" + column};
        try {
            hdf5::read_box(dataset, type, {hsize_t(first)}, {hsize_t(count)}, out, where);
        } catch (const Hdf5Error& error) {
            std::call_once(handles_->removed, [this] {
                std::error_code ignored;
                std::filesystem::remove(handles_->path, ignored);
            });
            throw FormatError(handles_->path, where.object,
                              "is damaged (" + error.reason() +
                                  "); the cache file was removed: open the dump again to "
                                  "recompute it");
        }
    }

    std::shared_ptr<const MetricsCacheFile::Handles> handles_;
    const SiteHandles& site_;
};

}  // namespace

MetricsCacheFile::MetricsCacheFile(std::shared_ptr<const Handles> handles,
                                   std::vector<SiteSummary> summaries)
    : handles_(std::move(handles)), summaries_(std::move(summaries)) {}

MetricsCacheFile::~MetricsCacheFile() = default;

std::shared_ptr<const MetricsCacheFile> MetricsCacheFile::open(const std::string& path,
                                                               const std::string& identity,
                                                               const DumpInfo& info) {
    std::error_code missing;
    if (!std::filesystem::is_regular_file(path, missing)) return nullptr;
    try {
        auto handles = std::make_shared<Handles>();
        handles->path = path;
        handles->file = hdf5::open_file_read_only(path);
        const hid_t root = handles->file.id();
        const hdf5::Where where{path, "/"};
        require(hdf5::string_attribute(root, "format", where) == cache_layout::kFormat);
        require(hdf5::integer_attribute(root, "format_version", where) == kMetricsCacheVersion);
        require(hdf5::string_attribute(root, "identity", where) == identity);
        require(hdf5::integer_attribute(root, "complete", where) == 1);
        std::vector<SiteSummary> summaries;
        for (std::size_t s = 0; s < info.sites.size(); ++s) {
            const SiteInfo& site = info.sites[s];
            SiteHandles out{
                cache_layout::site_group(s), site.n_tokens, site_metrics(site.has_output), {}, {}};
            const hdf5::Where at{path, out.group};
            require(hdf5::is_group(root, out.group, at));
            const hdf5::Group group = hdf5::open_group(root, out.group, at);
            SiteSummary summary;
            summary.n_tokens = count_attribute(group.id(), "n_tokens", at);
            require(summary.n_tokens == site.n_tokens);
            summary.n_invalid = count_attribute(group.id(), "n_invalid", at);
            summary.n_non_finite = count_attribute(group.id(), "n_non_finite", at);
            summary.n_zero = count_attribute(group.id(), "n_zero", at);
            summary.n_constant = count_attribute(group.id(), "n_constant", at);
            summary.n_invalid_output = count_attribute(group.id(), "n_invalid_output", at);
            for (Metric metric : out.metrics) {
                out.values.push_back(open_column(group.id(), std::string(describe(metric).key),
                                                 site.n_tokens, H5T_FLOAT, sizeof(float), at));
                summary.metrics.push_back(read_summary(out.values.back().id(), at));
            }
            out.flags =
                open_column(group.id(), cache_layout::kFlags, site.n_tokens, H5T_INTEGER, 1, at);
            handles->sites.push_back(std::move(out));
            summaries.push_back(std::move(summary));
        }
        return std::shared_ptr<const MetricsCacheFile>(
            new MetricsCacheFile(std::move(handles), std::move(summaries)));
    } catch (const NotUsable&) {
        return nullptr;
    } catch (const Error&) {
        return nullptr;
    }
}

const std::string& MetricsCacheFile::path() const { return handles_->path; }

const std::vector<SiteSummary>& MetricsCacheFile::summaries() const { return summaries_; }

std::shared_ptr<const ColumnSource> MetricsCacheFile::columns(SiteIndex site) const {
    return std::make_shared<CachedColumns>(handles_, site);
}

}  // namespace lngeom
