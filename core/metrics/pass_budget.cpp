#include "core/metrics/pass_budget.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <system_error>

#include "core/errors.h"
#include "core/io/read_limits.h"
#include "core/metrics/metrics.h"
#include "core/state/site_state.h"

namespace lngeom {

namespace {

// The dataset a site's vectors come from, as the user knows it.
std::string site_dataset(const DumpInfo& info, const SiteInfo& site) {
    return info.layout == Layout::Native ? "/norms/" + site.key + "/input" : site.module;
}

// Mirrors pass_block_bytes: one slot when computing inline, else one per thread and a spare.
double slots_in_flight(const PassOptions& options) {
    return options.threads <= 1 ? 1 : double(options.threads) + 1;
}

// The states kept until the pass ends (one per site) must fit half the budget; those of the
// sites in flight are bounded by lngeom's constants, whatever the file declares (core/state/).
void require_kept_states_within_budget(const Dump& dump, const PassOptions& options,
                                       const std::string& budget_text) {
    double kept = 0;
    for (SiteIndex site = 0; site < dump.info().sites.size(); ++site)
        kept += pass_memory(dump, site, options).state;
    if (kept > double(options.memory_budget_bytes) / 2)
        throw RequestError(dump.info().path, "",
                           "the mergeable statistics of its " +
                               std::to_string(dump.info().sites.size()) + " sites may need " +
                               detail::byte_text(kept) + ", more than half " + budget_text);
}

}  // namespace

PassMemory pass_memory(const Dump& dump, SiteIndex site, const PassOptions& options) {
    const SiteInfo& about = dump.info().sites[site];
    const double element_bytes = about.input_type == StoredType::Float64 ? 8 : 4;
    const double streams = about.has_output ? 2 : 1;
    const double rows = double(dump.block_rows(site, pass_block_bytes(options)));
    return {slots_in_flight(options) * streams * rows * double(about.d) * element_bytes,
            double(SiteState::max_bytes(about))};
}

void require_pass_within_budget(const Dump& dump, const PassOptions& options, bool keeps_states) {
    const double budget = double(options.memory_budget_bytes);
    // What the pass plans for blocks: half the budget, but never less than its smallest blocks.
    const double block_allowance =
        std::max(budget / 2, slots_in_flight(options) * 2 * double(pass_block_bytes(options)));
    const std::string budget_text =
        "the memory budget of " + detail::byte_text(budget) + " (--memory-budget)";
    for (SiteIndex site = 0; site < dump.info().sites.size(); ++site) {
        const PassMemory memory = pass_memory(dump, site, options);
        const SiteInfo& about = dump.info().sites[site];
        const std::string object = site_dataset(dump.info(), about);
        if (memory.blocks > block_allowance)
            throw RequestError(dump.info().path, object,
                               "rows of d = " + std::to_string(about.d) + " values need " +
                                   detail::byte_text(memory.blocks) +
                                   " of block buffers for the metrics pass, more than half " +
                                   budget_text);
    }
    if (keeps_states) require_kept_states_within_budget(dump, options, budget_text);
}

// One float per metric and one flag byte per token, as the column file stores them.
double column_bytes(const SiteInfo& site) {
    return double(site.n_tokens) * (double(metric_count(site.has_output)) * 4 + 1);
}

namespace {

// The space free where `directory` is or would be created: a cache directory that does not exist
// yet (the writer creates it) is measured at its nearest existing ancestor.
std::optional<std::uintmax_t> space_available(std::filesystem::path directory) {
    std::error_code error;
    while (!std::filesystem::exists(directory, error) && directory.has_relative_path())
        directory = directory.parent_path();
    const std::filesystem::space_info space = std::filesystem::space(directory, error);
    if (error) return std::nullopt;
    return space.available;
}

}  // namespace

void require_column_space(const Dump& dump, const std::string& directory, double reusable) {
    std::error_code error;
    const std::optional<std::uintmax_t> available =
        space_available(std::filesystem::absolute(directory, error));
    if (!available) return;  // the column writer names a directory it cannot use
    const double free = double(*available) + reusable;
    const std::string where = " free in " + directory + " for the per-token metrics";
    double total = 0;
    for (const SiteInfo& site : dump.info().sites) {
        total += column_bytes(site);
        if (column_bytes(site) > free)
            throw RequestError(dump.info().path, site_dataset(dump.info(), site),
                               "the per-token metrics of its " + std::to_string(site.n_tokens) +
                                   " tokens need " + detail::byte_text(column_bytes(site)) +
                                   " on disk, more than the " + detail::byte_text(free) + where);
    }
    if (total > free)
        throw RequestError(dump.info().path, "",
                           "the per-token metrics of its " +
                               std::to_string(dump.info().sites.size()) + " sites need " +
                               detail::byte_text(total) + " on disk, more than the " +
                               detail::byte_text(free) + where);
}

}  // namespace lngeom
