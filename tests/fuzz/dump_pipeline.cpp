#include "tests/fuzz/dump_pipeline.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "core/errors.h"
#include "core/io/dump.h"
#include "core/io/dump_validation.h"
#include "core/metrics/metrics_pass.h"
#include "core/metrics/token_metrics.h"

namespace lngeom::fuzz {

namespace {

// Small sizes, so that an input's time goes to opening and validating it, not to reading values
// under ASan: the seeds (2 sites of 12 x 8 values) are still read whole, in several blocks, and
// through the pass. A larger site is read at its first and last kEdgeValues values only: a
// damaged file often declares a large shape whose values are fill values, and reading them all
// would test HDF5's fill, not lngeom.
constexpr std::size_t kBlockBytes = 256;
constexpr double kWholeSiteValues = 4096;
constexpr Index kEdgeValues = 1024;
// The pass's cost is per site (its states), so small means few sites and few values.
constexpr double kPassValues = 4096;
constexpr std::size_t kPassSites = 8;
constexpr std::size_t kCandidatesOpened = 4;
constexpr std::size_t kEdgeSites = 8;
constexpr Index kTokenRows = 64;

void attempt(PipelineReport& report, const std::function<void()>& operation) {
    try {
        operation();
        ++report.completed;
    } catch (const Error& error) {
        report.refusals.push_back(error.what());
    }
}

void read_block(const Dump& dump, std::size_t site, Index first, Index count) {
    const SiteInfo& info = dump.info().sites[site];
    RowBlock input, output;
    dump.read_rows(site, Stream::Input, first, count, input);
    if (info.has_output) dump.read_rows(site, Stream::Output, first, count, output);
    RowMatrixD values;
    std::vector<std::uint8_t> flags;
    token_metrics(input, info.has_output ? &output : nullptr, info.eps, values, flags);
}

double site_values(const SiteInfo& site) { return double(site.n_tokens) * double(site.d); }

void read_site(const Dump& dump, std::size_t site) {
    const SiteInfo& info = dump.info().sites[site];
    const Index rows = dump.block_rows(site, kBlockBytes);
    if (site_values(info) > kWholeSiteValues) {
        const Index edge = std::clamp<Index>(kEdgeValues / std::max<Index>(info.d, 1), 1, rows);
        read_block(dump, site, 0, std::min(edge, info.n_tokens));
        const Index last = std::max<Index>(info.n_tokens - edge, 0);
        read_block(dump, site, last, info.n_tokens - last);
        return;
    }
    for (Index first = 0; first < info.n_tokens; first += rows)
        read_block(dump, site, first, std::min(rows, info.n_tokens - first));
}

void read_columns(const Dump& dump, const PipelineOptions& options) {
    const Index rows = std::min(dump.info().n_tokens, kTokenRows);
    if (dump.info().has_tokens && options.read_token_strings) dump.read_tokens(0, rows);
    if (dump.info().has_sequence) dump.read_sequence(0, rows);
    if (dump.info().has_position) dump.read_position(0, rows);
}

// A dump of many sites (a fuzzed generic file declares up to 1,024 layers) has its first and
// last few read: every site read took seconds.
bool site_read(std::size_t site, std::size_t sites) {
    return site < kEdgeSites || site >= sites - std::min(sites, kEdgeSites);
}

void exercise(PipelineReport& report, const Dump& dump, const PipelineOptions& options) {
    double total = 0;
    const std::size_t sites = dump.info().sites.size();
    for (std::size_t site = 0; site < sites; ++site) {
        total += site_values(dump.info().sites[site]);
        if (!site_read(site, sites)) continue;
        attempt(report, [&] { read_site(dump, site); });
        attempt(report, [&] { dump.read_gamma(site), dump.read_beta(site); });
    }
    attempt(report, [&] { read_columns(dump, options); });
    if (total > kPassValues || dump.info().sites.size() > kPassSites) return;
    PassOptions pass;
    pass.memory_budget_bytes = std::size_t(16) << 20;
    pass.threads = 1;  // computed inline: no thread to start for every input
    attempt(report, [&] { run_metrics_pass(dump, pass); });
}

// lngeom-probe's validation, as it runs before lngeom reads a file; the dump when it passes (the
// probe and lngeom open the same bytes the same way, so it is opened once here).
// SeveralDatasetsError propagates: it is the cue for the dataset picker.
std::optional<Dump> validated(PipelineReport& report, const std::string& path,
                              const std::string& dataset, const PipelineOptions& options) {
    try {
        Dump dump = Dump::open(path, dataset);
        validate_open_dump(dump, {.token_strings = options.read_token_strings});
        ++report.completed;
        return dump;
    } catch (const SeveralDatasetsError&) {
        throw;
    } catch (const Error& error) {
        report.refusals.push_back(error.what());
        return std::nullopt;
    }
}

void open_and_exercise(PipelineReport& report, const std::string& path, const std::string& dataset,
                       const PipelineOptions& options) {
    const std::optional<Dump> dump = validated(report, path, dataset, options);
    if (dump) attempt(report, [&] { exercise(report, *dump, options); });
}

// A file with several candidates: the picker lists them, and the first few are opened.
void open_candidates(PipelineReport& report, const std::string& path,
                     const PipelineOptions& options) {
    std::vector<DatasetCandidate> candidates;
    attempt(report, [&] { candidates = Dump::list_datasets(path); });
    for (std::size_t i = 0; i < std::min(candidates.size(), kCandidatesOpened); ++i)
        attempt(report, [&] { open_and_exercise(report, path, candidates[i].path, options); });
}

}  // namespace

PipelineReport run_dump_pipeline(const std::string& path, const PipelineOptions& options) {
    PipelineReport report;
    try {
        open_and_exercise(report, path, "", options);
    } catch (const SeveralDatasetsError& error) {
        report.refusals.push_back(error.what());
        open_candidates(report, path, options);
    }
    return report;
}

}  // namespace lngeom::fuzz
