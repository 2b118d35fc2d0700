#include "core/cache/metrics_cache_writer.h"

#include <filesystem>
#include <vector>

#include "core/cache/cache_identity.h"
#include "core/cache/metrics_cache_layout.h"
#include "core/errors.h"
#include "core/io/atomic_file.h"
#include "core/io/hdf5/hdf5_writing.h"
#include "core/metrics/metrics.h"

namespace lngeom {

namespace {

const hdf5::ColumnLayout kColumnLayout{cache_layout::kChunkRows, 0, true};

struct SiteColumnsOut {
    hdf5::Group group;
    std::vector<Metric> metrics;
    std::vector<hdf5::Dataset> values;  // one per metric
    hdf5::Dataset flags;
};

}  // namespace

struct MetricsCacheWriter::Open {
    explicit Open(const std::string& path) : target(path) {}

    AtomicFile target;
    hdf5::File file;
    std::vector<SiteColumnsOut> sites;
    std::vector<float> buffer;  // one metric of one block, converted to float
};

MetricsCacheWriter::MetricsCacheWriter(std::string path, std::string identity, const DumpInfo& info)
    : path_(std::move(path)), identity_(std::move(identity)) {
    try {
        hdf5::silence_error_printing();
        std::filesystem::create_directories(std::filesystem::path(path_).parent_path());
        open_ = std::make_unique<Open>(path_);
        const hdf5::Where where{path_, "/"};
        open_->file = hdf5::create_file(open_->target.temporary_path(), where);
        hdf5::write_string_attribute(open_->file.id(), "format", cache_layout::kFormat, where);
        hdf5::write_int_attribute(open_->file.id(), "format_version", kMetricsCacheVersion, where);
        hdf5::write_string_attribute(open_->file.id(), "identity", identity_, where);
        hdf5::create_group(open_->file.id(), "sites", where);
        for (SiteIndex site = 0; site < info.sites.size(); ++site) {
            const SiteInfo& described = info.sites[site];
            const std::string name = cache_layout::site_group(site);
            SiteColumnsOut out{hdf5::create_group(open_->file.id(), name, {path_, name}),
                               site_metrics(described.has_output),
                               {},
                               {}};
            const hdf5::Where at{path_, name};
            hdf5::write_string_attribute(out.group.id(), "key", described.key, at);
            hdf5::write_string_attribute(out.group.id(), "module", described.module, at);
            const auto rows = hsize_t(described.n_tokens);
            for (Metric metric : out.metrics)
                out.values.push_back(
                    hdf5::create_column(out.group.id(), std::string(describe(metric).key),
                                        H5T_NATIVE_FLOAT, rows, kColumnLayout, at));
            out.flags = hdf5::create_column(out.group.id(), cache_layout::kFlags, H5T_NATIVE_UINT8,
                                            rows, kColumnLayout, at);
            open_->sites.push_back(std::move(out));
        }
    } catch (const std::exception& error) {
        record_failure(error);
    }
}

MetricsCacheWriter::~MetricsCacheWriter() = default;

void MetricsCacheWriter::record_failure(const std::exception& error) {
    if (failure_.empty()) failure_ = error.what();
    open_.reset();  // closes the file and removes the temporary
}

void MetricsCacheWriter::write_block(SiteIndex site, Index first_row, const RowMatrixD& values,
                                     std::span<const std::uint8_t> flags) {
    std::lock_guard lock(mutex_);
    if (!open_) return;
    try {
        SiteColumnsOut& out = open_->sites.at(site);
        const hdf5::Where where{path_, cache_layout::site_group(site)};
        const auto first = hsize_t(first_row), rows = hsize_t(values.rows());
        open_->buffer.resize(rows);
        for (std::size_t m = 0; m < out.metrics.size(); ++m) {
            for (Index row = 0; row < values.rows(); ++row)
                open_->buffer[std::size_t(row)] = float(values(row, Index(m)));
            hdf5::write_rows(out.values[m], H5T_NATIVE_FLOAT, first, rows, open_->buffer.data(),
                             where);
        }
        hdf5::write_rows(out.flags, H5T_NATIVE_UINT8, first, rows, flags.data(), where);
    } catch (const std::exception& error) {
        record_failure(error);
    }
}

void MetricsCacheWriter::finish_site(SiteIndex site, const SiteSummary& summary) {
    std::lock_guard lock(mutex_);
    if (!open_) return;
    try {
        SiteColumnsOut& out = open_->sites.at(site);
        const hdf5::Where where{path_, cache_layout::site_group(site)};
        const hid_t group = out.group.id();
        hdf5::write_int_attribute(group, "n_tokens", summary.n_tokens, where);
        hdf5::write_int_attribute(group, "n_invalid", summary.n_invalid, where);
        hdf5::write_int_attribute(group, "n_non_finite", summary.n_non_finite, where);
        hdf5::write_int_attribute(group, "n_zero", summary.n_zero, where);
        hdf5::write_int_attribute(group, "n_constant", summary.n_constant, where);
        hdf5::write_int_attribute(group, "n_invalid_output", summary.n_invalid_output, where);
        for (std::size_t m = 0; m < out.metrics.size() && m < summary.metrics.size(); ++m) {
            const Summary& s = summary.metrics[m];
            const hid_t column = out.values[m].id();
            hdf5::write_int_attribute(column, "count", s.count, where);
            const double values[] = {s.mean, s.std, s.min, s.max, s.p01, s.p50, s.p99};
            for (std::size_t k = 0; k < cache_layout::kSummaryValues.size(); ++k)
                hdf5::write_double_attribute(column, cache_layout::kSummaryValues[k], values[k],
                                             where);
        }
        ++sites_finished_;
    } catch (const std::exception& error) {
        record_failure(error);
    }
}

std::string MetricsCacheWriter::failure() {
    std::lock_guard lock(mutex_);
    return failure_;
}

std::string MetricsCacheWriter::commit() {
    std::lock_guard lock(mutex_);
    if (open_ && sites_finished_ < open_->sites.size())
        failure_ = "the pass did not complete every site";
    if (!failure_.empty()) {
        open_.reset();
        return failure_;
    }
    try {
        hdf5::write_int_attribute(open_->file.id(), "complete", 1, {path_, "/"});
        open_->sites.clear();  // every object closed, so closing the file flushes it
        open_->file = hdf5::File();
        open_->target.commit();
        open_.reset();
        return {};
    } catch (const std::exception& error) {
        record_failure(error);
        return failure_;
    }
}

}  // namespace lngeom
