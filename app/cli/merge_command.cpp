// `lngeom merge STATE...`: the report of a dump from the mergeable states of its shards, as
// `lngeom stats` prints it from one pass; or the merged state of some shards. Needs neither a
// display nor the dump itself.
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/cli/argument_parser.h"
#include "app/cli/command_line.h"
#include "app/cli/commands.h"
#include "app/cli/stats_arguments.h"
#include "core/errors.h"
#include "core/reports/dump_findings.h"
#include "core/state/state_file.h"

namespace lngeom::app {

namespace {

constexpr const char* kMergeUsage = R"(Usage: lngeom merge STATE... [options]

Merges the states `lngeom stats FILE --shard K/N --state STATE` wrote for the shards of one dump
into the report one `lngeom stats FILE` pass gives (counts, min, max exactly; means and
standard deviations within 1e-12; percentiles within the same bound). Every shard K of N must
be there exactly once; states of different dumps, of different N or of another lngeom version
are refused.

Options:
  --format FORMAT       table (default), csv or json
  -o, --output OUT      write to OUT (atomically) instead of standard output
  --state OUT           write the merged state to OUT instead of a report (some shards may be
                        missing: merge it again with the others later)
  -h, --help            show this help
)";

struct MergeArguments {
    std::vector<std::string> states;
    ReportFormat format = ReportFormat::Table;
    std::string output;
    std::string state;
    bool report_options = false;
    bool help = false;
};

MergeArguments parse_arguments(int argc, char* argv[]) {
    MergeArguments arguments;
    const std::vector<CommandOption> options = {
        {"--format", 0,
         [&](std::string_view value) {
             arguments.format = report_format(value);
             arguments.report_options = true;
         }},
        {"--output", 'o',
         [&](std::string_view value) {
             arguments.output = value;
             arguments.report_options = true;
         }},
        {"--state", 0, [&](std::string_view value) { arguments.state = value; }},
    };
    const ParsedArguments parsed = parse_command_arguments(argc, argv, options, FileCount::Several);
    arguments.states = parsed.files;
    arguments.help = parsed.help;
    if (arguments.states.empty() && !arguments.help) throw UsageError{"no STATE files given"};
    if (!arguments.state.empty() && arguments.report_options)
        throw UsageError{
            "--state writes the merged state, not a report: drop --format and "
            "--output"};
    return arguments;
}

int run(const MergeArguments& arguments) {
    const bool report = arguments.state.empty();
    const DumpState merged = merge_state_files(arguments.states, report);
    if (!report) {
        write_state_file(arguments.state, merged);
        return 0;
    }
    // γ and β come from the dump itself when it can be opened here (native layout).
    std::optional<Dump> dump;
    try {
        dump.emplace(Dump::open(merged.info.path, ""));
    } catch (const Error&) {
        dump.reset();
    }
    return write_report(report_of_states(arguments.format, dump ? &*dump : nullptr, merged.info,
                                         merged.sites, MassiveThresholds{}),
                        arguments.output);
}

}  // namespace

int run_merge_command(int argc, char* argv[]) {
    return run_reporting_errors("merge", [&] {
        const MergeArguments arguments = parse_arguments(argc, argv);
        if (!arguments.help) return run(arguments);
        std::fputs(kMergeUsage, stdout);
        return 0;
    });
}

}  // namespace lngeom::app
