// `lngeom merge STATE...`: the report of a dump from the mergeable states of its shards, as
// `lngeom stats` prints it from one pass; or the merged state of some shards. Needs neither a
// display nor the dump itself.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "app/cli/command_line.h"
#include "app/cli/commands.h"
#include "app/cli/stats_arguments.h"
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
  --output OUT          write to OUT (atomically) instead of standard output
  --state OUT           write the merged state to OUT instead of a report (some shards may be
                        missing: merge it again with the others later)
  --help                show this help
)";

struct MergeArguments {
    std::vector<std::string> states;
    ReportFormat format = ReportFormat::Table;
    std::string output;
    std::string state;
    bool report_options = false;
    bool help = false;
};

void apply_option(MergeArguments& arguments, std::string_view option, std::string_view value) {
    if (option == "--format")
        arguments.format = report_format(value);
    else if (option == "--output")
        arguments.output = value;
    else if (option == "--state")
        arguments.state = value;
    else
        throw UsageError{"unknown option '" + std::string(option) + "'"};
    arguments.report_options = arguments.report_options || option != "--state";
}

MergeArguments parse_arguments(int argc, char* argv[]) {
    MergeArguments arguments;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument == "--help" || argument == "-h") {
            arguments.help = true;
        } else if (argument.starts_with("--")) {
            if (i + 1 >= argc) throw UsageError{std::string(argument) + " needs a value"};
            apply_option(arguments, argument, argv[++i]);
        } else {
            arguments.states.emplace_back(argument);
        }
    }
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
    return write_report(format_report(arguments.format, merged.info, merged.summaries()),
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
