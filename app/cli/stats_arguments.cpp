#include "app/cli/stats_arguments.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <thread>

#include "app/cli/command_line.h"
#include "core/io/atomic_file.h"

namespace lngeom::app {

namespace {

// "K/N" with 0 ≤ K < N.
RowShard shard_of(std::string_view text) {
    const std::size_t slash = text.find('/');
    const UsageError error{"--shard needs K/N with 0 <= K < N, e.g. 3/8, not '" +
                           std::string(text) + "'"};
    if (slash == std::string_view::npos) throw error;
    const long count = whole_number("--shard", text.substr(slash + 1), 1, 1 << 20);
    const std::string_view index_text = text.substr(0, slash);
    long index = -1;
    const auto [end, failure] =
        std::from_chars(index_text.data(), index_text.data() + index_text.size(), index);
    if (failure != std::errc() || end != index_text.data() + index_text.size() || index < 0 ||
        index >= count)
        throw error;
    return {int(index), int(count)};
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
    else if (option == "--shard")
        arguments.shard = shard_of(value);
    else if (option == "--state")
        arguments.state = value;
    else if (option == "--validation-timeout")
        arguments.validation_timeout_s = whole_number(option, value, 1, 3600);
    else
        throw UsageError{"unknown option '" + std::string(option) + "'"};
}

void require_consistent(const StatsArguments& arguments, bool report_options) {
    if (arguments.file.empty() && !arguments.help) throw UsageError{"no FILE given"};
    if (arguments.shard.count > 1 && arguments.state.empty())
        throw UsageError{"--shard needs --state OUT: a shard's state is merged with lngeom merge"};
    if (!arguments.state.empty() && report_options)
        throw UsageError{
            "--state writes the mergeable state, not a report: drop --format and "
            "--output, and give them to lngeom merge"};
}

}  // namespace

ReportFormat report_format(std::string_view text) {
    if (text == "table") return ReportFormat::Table;
    if (text == "csv") return ReportFormat::Csv;
    if (text == "json") return ReportFormat::Json;
    throw UsageError{"--format must be table, csv or json, not '" + std::string(text) + "'"};
}

StatsArguments parse_stats_arguments(int argc, char* argv[]) {
    StatsArguments arguments;
    arguments.threads = std::max(2u, std::thread::hardware_concurrency());
    bool report_options = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument == "--help" || argument == "-h") {
            arguments.help = true;
        } else if (argument == "--no-cache") {
            arguments.use_cache = false;
        } else if (argument.starts_with("--")) {
            if (i + 1 >= argc) throw UsageError{std::string(argument) + " needs a value"};
            report_options = report_options || argument == "--format" || argument == "--output";
            apply_option(arguments, argument, argv[++i]);
        } else if (arguments.file.empty()) {
            arguments.file = argument;
        } else {
            throw UsageError{"one FILE only, got '" + arguments.file + "' and '" +
                             std::string(argument) + "'"};
        }
    }
    require_consistent(arguments, report_options);
    return arguments;
}

PassOptions pass_options(const StatsArguments& arguments) {
    PassOptions options;
    options.memory_budget_bytes = std::size_t(arguments.memory_budget_mb) << 20;
    options.threads = int(arguments.threads);
    options.shard = arguments.shard;
    return options;
}

int write_report(const std::string& report, const std::string& output) {
    if (!output.empty()) {
        write_file_atomically(output, report);
        return 0;
    }
    std::fputs(report.c_str(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace lngeom::app
