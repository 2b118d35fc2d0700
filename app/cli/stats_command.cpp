// `lngeom stats FILE ...`: per-site statistics of a dump as a table, CSV or JSON, or the
// mergeable state of a shard of its rows. Runs before any QApplication exists and needs no
// display, so it stays free of Qt.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "app/cli/command_line.h"
#include "app/cli/commands.h"
#include "app/cli/stats_arguments.h"
#include "core/errors.h"
#include "core/io/atomic_file.h"
#include "core/isolation/contained_open.h"
#include "core/metrics/metrics_store.h"
#include "core/reports/dump_findings.h"
#include "core/state/state_file.h"

namespace lngeom::app {

namespace {

constexpr const char* kStatsUsage = R"(Usage: lngeom stats FILE [options]

Per-site statistics of the vectors entering every norm layer of an activation dump: angle to 1,
norms, uniform component, sigma, rms, LayerNorm/RMSNorm comparisons, output norm and rotation.
Memory stays within the budget whatever the number of tokens and sites; percentiles are exact
up to 8192 valid tokens per site, and within 0.4 % of the exact value beyond.

Options:
  --dataset PATH        the dataset to open in a generic (non-lngeom) HDF5 file
  --format FORMAT       table (default), csv or json
  -o, --output OUT      write to OUT (atomically) instead of standard output
  --no-cache            neither read nor write the metrics cache
  --memory-budget MB    memory for blocks, statistics and cached columns (default 512)
  --threads N           threads in all, each reading and computing blocks (default: all cores)
  --shard K/N           only shard K (0 <= K < N) of every site's rows; needs --state
  --state OUT           write the mergeable state (of the shard) to OUT instead of a report;
                        `lngeom merge` turns the states of every shard into the report
  --validation-timeout S  seconds libhdf5 may take to validate the file in a process of its
                        own before lngeom reads it (default 30); a file on which it crashes
                        or hangs is refused
  --massive-abs A       massive activations: a token is flagged when its max |xᵢ| exceeds A
                        (default 100) ...
  --massive-ratio R     ... and is at least R times the site's median |x| (default 1000)
  -h, --help            show this help

JSON adds per site "gamma_ellipsoid" (the semi-axes of the ellipsoid gamma and beta put the
outputs on) and "massive" (flagged tokens, the 10 dimensions with the largest |x|), and the
file's "int8_outliers" (LLM.int8()'s outlier features: |x| >= 6 at >= 6 % of a site's tokens
at >= 25 % of the sites of one width) and "warnings" (e.g. a dump captured after
TransformerLens' fold_ln); for it lngeom reads the dump again rather than the cache. The table ends with the warnings as "note:" lines.

The cache lives in $LNGEOM_CACHE_DIR, else $XDG_CACHE_HOME/lngeom, else ~/.cache/lngeom.
For several processes on a cluster see `lngeom-mpi stats --help`.
)";

// Validated by lngeom-probe first (core/isolation/contained_open.h), within --validation-timeout.
Dump open_validated(const StatsArguments& arguments) {
    ContainmentOptions containment;
    containment.timeout = std::chrono::seconds(arguments.validation_timeout_s);
    return open_dump_contained(arguments.file, arguments.dataset, containment);
}

int write_state(const StatsArguments& arguments) {
    require_target_directory(arguments.state);
    const Dump dump = open_validated(arguments);
    std::vector<SiteState> sites = run_statistics_pass(dump, pass_options(arguments));
    write_state_file(arguments.state,
                     dump_state(dump, arguments.dataset, arguments.shard, std::move(sites)));
    return 0;
}

// CSV has no place for the warnings: they go to stderr.
std::string table_or_csv(const Dump& dump, const StatsArguments& arguments) {
    StoreOptions options;
    options.pass = pass_options(arguments);
    options.use_cache = arguments.use_cache;
    options.keep_columns = false;
    const MetricsStore store = MetricsStore::compute(dump, arguments.dataset, options);
    const std::vector<std::string> warnings = dump_warnings(dump, store.summaries());
    if (arguments.format == ReportFormat::Table)
        return format_table(dump.info(), store.summaries(), warnings);
    for (const std::string& warning : warnings)
        std::fprintf(stderr, "lngeom stats: warning: %s\n", warning.c_str());
    return format_csv(dump.info(), store.summaries());
}

int run(const StatsArguments& arguments) {
    if (!arguments.state.empty()) return write_state(arguments);
    const Dump dump = open_validated(arguments);
    const std::string report = arguments.format == ReportFormat::Json
                                   ? stats_json(dump, pass_options(arguments), arguments.massive)
                                   : table_or_csv(dump, arguments);
    return write_report(report, arguments.output);
}

}  // namespace

int run_stats_command(int argc, char* argv[]) {
    return run_reporting_errors("stats", [&] {
        const StatsArguments arguments = parse_stats_arguments(argc, argv);
        if (!arguments.help) return run(arguments);
        std::fputs(kStatsUsage, stdout);
        return 0;
    });
}

}  // namespace lngeom::app
