#pragma once
// The arguments of `lngeom stats` (and of `lngeom-mpi stats`, which takes the same ones), and
// where a report goes. Free of Qt: the MPI companion links this without the GUI.

#include <string>
#include <string_view>

#include <vector>

#include "app/cli/argument_parser.h"
#include "core/analysis/massive_activations.h"
#include "core/metrics/metrics_pass.h"
#include "core/reports/stats_report.h"

namespace lngeom::app {

struct StatsArguments {
    std::string file;
    std::string dataset;
    ReportFormat format = ReportFormat::Table;
    std::string output;
    bool use_cache = true;
    long memory_budget_mb = 512;
    long threads = 2;                // default: all cores, at least 2
    RowShard shard;                  // --shard K/N
    std::string state;               // --state OUT: write the mergeable state instead of a report
    long validation_timeout_s = 30;  // --validation-timeout S: lngeom-probe's time limit
    MassiveThresholds massive;       // --massive-abs, --massive-ratio
    bool help = false;
};

// --massive-abs A and --massive-ratio R (numbers ≥ 0) into `thresholds`, as `lngeom stats`,
// `export` and `figures` take them.
std::vector<CommandOption> massive_threshold_options(MassiveThresholds& thresholds);

// UsageError for unknown options, missing values and combinations that make no sense (--shard
// without --state; --state with a report's --format or --output).
StatsArguments parse_stats_arguments(int argc, char* argv[]);

PassOptions pass_options(const StatsArguments& arguments);

// "table", "csv" or "json"; UsageError otherwise.
ReportFormat report_format(std::string_view text);

// `report` to standard output, or atomically to `output`; the exit status.
int write_report(const std::string& report, const std::string& output);

}  // namespace lngeom::app
