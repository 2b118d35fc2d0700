// `lngeom stats FILE ...`: per-site statistics of a dump as a table, CSV or JSON. Runs before
// any QApplication exists and needs no display, so it stays free of Qt.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "app/cli/command_line.h"
#include "app/cli/commands.h"
#include "core/errors.h"
#include "core/io/atomic_file.h"
#include "core/metrics/metrics_store.h"
#include "core/reports/stats_report.h"

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
  --output OUT          write to OUT (atomically) instead of standard output
  --no-cache            neither read nor write the metrics cache
  --memory-budget MB    memory for blocks, statistics and cached columns (default 512)
  --threads N           threads in all: one reads, the others compute (default: all cores)
  --help                show this help

The cache lives in $LNGEOM_CACHE_DIR, else $XDG_CACHE_HOME/lngeom, else ~/.cache/lngeom.
)";

struct StatsArguments {
    std::string file;
    std::string dataset;
    ReportFormat format = ReportFormat::Table;
    std::string output;
    bool use_cache = true;
    long memory_budget_mb = 512;
    long threads = std::max(2u, std::thread::hardware_concurrency());
    bool help = false;
};

ReportFormat report_format(std::string_view text) {
    if (text == "table") return ReportFormat::Table;
    if (text == "csv") return ReportFormat::Csv;
    if (text == "json") return ReportFormat::Json;
    throw UsageError{"--format must be table, csv or json, not '" + std::string(text) + "'"};
}

void apply_option(StatsArguments& arguments, std::string_view option, std::string_view value) {
    if (option == "--dataset")
        arguments.dataset = value;
    else if (option == "--format")
        arguments.format = report_format(value);
    else if (option == "--output")
        arguments.output = value;
    else if (option == "--memory-budget")
        arguments.memory_budget_mb = whole_number(option, value, 16, 1 << 20);
    else if (option == "--threads")
        arguments.threads = whole_number(option, value, 1, 256);
    else
        throw UsageError{"unknown option '" + std::string(option) + "'"};
}

StatsArguments parse_arguments(int argc, char* argv[]) {
    StatsArguments arguments;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument == "--help" || argument == "-h") {
            arguments.help = true;
        } else if (argument == "--no-cache") {
            arguments.use_cache = false;
        } else if (argument.starts_with("--")) {
            if (i + 1 >= argc) throw UsageError{std::string(argument) + " needs a value"};
            apply_option(arguments, argument, argv[++i]);
        } else if (arguments.file.empty()) {
            arguments.file = argument;
        } else {
            throw UsageError{"one FILE only, got '" + arguments.file + "' and '" +
                             std::string(argument) + "'"};
        }
    }
    if (arguments.file.empty() && !arguments.help) throw UsageError{"no FILE given"};
    return arguments;
}

int run(const StatsArguments& arguments) {
    const Dump dump = Dump::open(arguments.file, arguments.dataset);
    StoreOptions options;
    options.pass.memory_budget_bytes = std::size_t(arguments.memory_budget_mb) << 20;
    options.pass.threads = int(arguments.threads);
    options.use_cache = arguments.use_cache;
    options.keep_columns = false;
    const MetricsStore store = MetricsStore::compute(dump, arguments.dataset, options);
    const std::string report = format_report(arguments.format, dump.info(), store.summaries());
    if (arguments.output.empty())
        std::fputs(report.c_str(), stdout);
    else
        write_file_atomically(arguments.output, report);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace

int run_stats_command(int argc, char* argv[]) {
    return run_reporting_errors("stats", [&] {
        const StatsArguments arguments = parse_arguments(argc, argv);
        if (!arguments.help) return run(arguments);
        std::fputs(kStatsUsage, stdout);
        return 0;
    });
}

}  // namespace lngeom::app
