#include "core/metrics/metrics_store.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "core/cache/metrics_cache_writer.h"
#include "core/errors.h"
#include "core/io/read_limits.h"
#include "core/metrics/pass_budget.h"

namespace lngeom {

namespace {

// What the per-token columns of every site take: one float per metric and one flag byte.
std::size_t column_bytes(const DumpInfo& info) {
    std::size_t bytes = 0;
    for (const SiteInfo& site : info.sites)
        bytes += std::size_t(site.n_tokens) * (std::size_t(metric_count(site.has_output)) * 4 + 1);
    return bytes;
}

// Marks a private column file: it is opened once, by the store that wrote it.
constexpr char kPrivateIdentity[] = "lngeom private per-token columns";

std::string private_columns_directory() {
    std::error_code error;
    const std::filesystem::path directory = std::filesystem::temp_directory_path(error);
    return error ? "/tmp" : directory.string();
}

std::string private_columns_path() {
    static std::atomic<int> serial{0};
    return (std::filesystem::path(private_columns_directory()) /
            ("lngeom-columns-" + std::to_string(::getpid()) + "-" + std::to_string(serial++) +
             ".h5"))
        .string();
}

}  // namespace

MetricsStore MetricsStore::compute(const Dump& dump, const std::string& dataset,
                                   const StoreOptions& options) {
    MetricsStore store;
    const DumpInfo& info = dump.info();
    store.dump_path_ = info.path;
    if (!options.use_cache) {
        if (options.keep_columns) {
            require_room_for_columns(dump, dataset, options);
            store.write_private_columns(dump, options.pass);
        } else
            store.summaries_ = run_metrics_pass(dump, options.pass);
        return store;
    }
    const std::string directory =
        options.cache_directory.empty() ? default_cache_directory() : options.cache_directory;
    store.cache_path_ = metrics_cache_path(directory, info.path, dataset);
    // Taken before the pass: a dump changed while it runs then no longer matches its cache.
    const std::string identity = dump_identity(info.path, dataset, info.shard_files);
    store.columns_ = MetricsCacheFile::open(store.cache_path_, identity, info);
    if (store.columns_) {
        store.summaries_ = store.columns_->summaries();
        store.loaded_from_cache_ = true;
        return store;
    }
    // Statistics come from the pass's mergeable state; only views read per-token columns.
    // Without them, a small dump's columns are still cached (the next run reads only the cache)
    // but a large dump's are not written: `lngeom stats` then costs no disk beyond its output.
    if (!options.keep_columns && column_bytes(info) > options.pass.memory_budget_bytes / 2) {
        store.summaries_ = run_metrics_pass(dump, options.pass);
        store.cache_warning_ = "the per-token metrics need " +
                               detail::byte_text(double(column_bytes(info))) +
                               ", more than half the memory budget: not cached";
        store.cache_path_.clear();
        return store;
    }
    if (options.keep_columns) require_room_for_columns(dump, dataset, options);
    store.run_pass(dump, options.pass, store.cache_path_, identity, options.keep_columns);
    if (!store.cache_warning_.empty()) store.cache_path_.clear();
    return store;
}

void MetricsStore::require_room_for_columns(const Dump& dump, const std::string& dataset,
                                            const StoreOptions& options) {
    if (!options.keep_columns) return;
    if (!options.use_cache) return require_column_space(dump, private_columns_directory());
    const std::string directory =
        options.cache_directory.empty() ? default_cache_directory() : options.cache_directory;
    std::error_code error;
    const auto cached =
        std::filesystem::file_size(metrics_cache_path(directory, dump.info().path, dataset), error);
    require_column_space(dump, directory, error ? 0.0 : double(cached));
}

// Writes the columns to `columns_path` during the pass and opens them; a cache that cannot be
// written leaves a warning (and, for the app, the private file instead).
void MetricsStore::run_pass(const Dump& dump, const PassOptions& options,
                            const std::string& columns_path, const std::string& identity,
                            bool keep_columns) {
    MetricsCacheWriter writer(columns_path, identity, dump.info());
    if (!writer.failure().empty() && identity != kPrivateIdentity) {
        cache_warning_ = writer.failure();
        if (keep_columns)
            write_private_columns(dump, options);
        else
            summaries_ = run_metrics_pass(dump, options);
        return;
    }
    PassSink sink;
    sink.block = [&writer](SiteIndex site, Index first, const RowMatrixD& values,
                           std::span<const std::uint8_t> flags) {
        writer.write_block(site, first, values, flags);
    };
    sink.site_done = [&writer](SiteIndex site, const SiteSummary& summary) {
        writer.finish_site(site, summary);
    };
    summaries_ = run_metrics_pass(dump, options, sink);
    const std::string failure = writer.commit();
    if (cache_warning_.empty()) cache_warning_ = failure;
    if (failure.empty()) columns_ = MetricsCacheFile::open(columns_path, identity, dump.info());
    if (failure.empty() && !columns_)
        cache_warning_ = columns_path + ": the file just written cannot be opened again";
}

void MetricsStore::write_private_columns(const Dump& dump, const PassOptions& options) {
    const std::string path = private_columns_path();
    run_pass(dump, options, path, kPrivateIdentity, true);
    // The open file stays readable through its handle; nothing is left behind on disk.
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
}

void MetricsStore::check_site(SiteIndex site) const {
    if (site >= summaries_.size())
        throw RequestError(dump_path_, "",
                           "site " + std::to_string(site) + " does not exist; the dump has " +
                               std::to_string(summaries_.size()) + " sites");
}

const Summary& MetricsStore::summary(SiteIndex site, Metric metric) const {
    check_site(site);
    const std::vector<Summary>& metrics = summaries_[site].metrics;
    if (column_of(metric) >= int(metrics.size()))
        throw RequestError(
            dump_path_, "site " + std::to_string(site),
            "has no " + std::string(describe(metric).key) + ": the dump has no output for it");
    return metrics[size_t(column_of(metric))];
}

std::shared_ptr<const ColumnSource> MetricsStore::columns(SiteIndex site) const {
    check_site(site);
    if (columns_) return columns_->columns(site);
    throw RequestError(dump_path_, "site " + std::to_string(site),
                       "its per-token columns were not kept" +
                           (cache_warning_.empty() ? std::string() : " (" + cache_warning_ + ")"));
}

}  // namespace lngeom
