#include "core/metrics/metrics_store.h"

#include <algorithm>

#include "core/errors.h"
#include "core/io/read_limits.h"

namespace lngeom {

namespace {

std::size_t column_bytes(const DumpInfo& info) {
    std::size_t bytes = 0;
    for (const SiteInfo& site : info.sites)
        bytes += std::size_t(site.n_tokens) * (std::size_t(metric_count(site.has_output)) * 4 + 1);
    return bytes;
}

// A cache whose shape disagrees with the dump (a bug or a hash collision) is not used.
bool cache_matches(const MetricsCacheFile& cache, const DumpInfo& info) {
    if (cache.sites.size() != info.sites.size()) return false;
    for (std::size_t s = 0; s < info.sites.size(); ++s) {
        const SiteSummary& summary = cache.sites[s].summary;
        if (summary.n_tokens != info.sites[s].n_tokens ||
            int(summary.metrics.size()) != metric_count(info.sites[s].has_output))
            return false;
    }
    return true;
}

}  // namespace

MetricsStore MetricsStore::compute(const Dump& dump, const std::string& dataset,
                                   const StoreOptions& options) {
    MetricsStore store;
    const DumpInfo& info = dump.info();
    store.dump_path_ = info.path;
    store.kept_.resize(info.sites.size());
    const bool keep =
        options.keep_columns && column_bytes(info) <= options.pass.memory_budget_bytes / 2;
    if (!options.use_cache) {
        store.run_pass(dump, options.pass, keep, nullptr);
        return store;
    }
    const std::string directory =
        options.cache_directory.empty() ? default_cache_directory() : options.cache_directory;
    store.cache_path_ = metrics_cache_path(directory, info.path, dataset);
    // Taken before the pass: a dump changed while it runs then no longer matches its cache.
    const std::string identity = dump_identity(info.path, dataset);
    if (store.load_cache(identity, info, keep)) return store;
    // Without a use for the columns in memory, writing them to the cache must not cost more
    // than the budget: `lngeom stats` holds it whatever the number of tokens.
    if (!options.keep_columns && column_bytes(info) > options.pass.memory_budget_bytes / 2) {
        store.run_pass(dump, options.pass, false, nullptr);
        store.cache_warning_ = "the per-token metrics need " +
                               detail::byte_text(double(column_bytes(info))) +
                               ", more than half the memory budget: not cached";
        store.cache_path_.clear();
        return store;
    }
    MetricsCacheWriter writer(store.cache_path_, identity, info.sites.size());
    store.run_pass(dump, options.pass, keep, &writer);
    store.cache_warning_ = writer.commit();
    if (store.cache_warning_.empty())
        store.cache_ = open_metrics_cache(store.cache_path_, identity);
    else
        store.cache_path_.clear();
    return store;
}

// Columns that fit are loaded at once, so a cache whose columns were damaged is recomputed
// instead of failing later.
bool MetricsStore::load_cache(const std::string& identity, const DumpInfo& info, bool keep) {
    std::optional<MetricsCacheFile> cache = open_metrics_cache(cache_path_, identity);
    if (!cache || !cache_matches(*cache, info)) return false;
    try {
        for (SiteIndex site = 0; keep && site < info.sites.size(); ++site)
            kept_[site] = std::make_shared<const SiteColumns>(read_cached_columns(*cache, site));
    } catch (const FormatError&) {
        std::fill(kept_.begin(), kept_.end(), nullptr);
        return false;
    }
    for (const CachedSite& site : cache->sites) summaries_.push_back(site.summary);
    cache_ = std::move(cache);
    loaded_from_cache_ = true;
    return true;
}

void MetricsStore::run_pass(const Dump& dump, const PassOptions& options, bool keep,
                            MetricsCacheWriter* writer) {
    if (!keep && !writer) {
        summaries_ = run_metrics_pass(dump, options);
        return;
    }
    summaries_ = run_metrics_pass(
        dump, options, [&](SiteIndex site, const SiteSummary& summary, SiteColumns&& columns) {
            if (writer) writer->add_site(site, summary, columns);
            if (keep) kept_[site] = std::make_shared<const SiteColumns>(std::move(columns));
        });
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

std::shared_ptr<const SiteColumns> MetricsStore::columns(SiteIndex site) const {
    check_site(site);
    if (kept_[site]) return kept_[site];
    if (cache_) return std::make_shared<const SiteColumns>(read_cached_columns(*cache_, site));
    throw RequestError(dump_path_, "site " + std::to_string(site),
                       "its per-token columns exceed half the memory budget and no cache was "
                       "written; allow the cache or raise the budget");
}

}  // namespace lngeom
