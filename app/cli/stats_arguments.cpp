#include "app/cli/stats_arguments.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <thread>
#include <vector>

#include "app/cli/argument_parser.h"
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

double non_negative(std::string_view option, std::string_view value) {
    const double number = real_number(option, value);
    if (number < 0)
        throw UsageError{std::string(option) + " needs a number ≥ 0, not '" + std::string(value) +
                         "'"};
    return number;
}

std::vector<CommandOption> stats_options(StatsArguments& arguments, bool& report_options) {
    const auto for_report = [&report_options](auto apply) {
        return [&report_options, apply](std::string_view value) {
            report_options = true;
            apply(value);
        };
    };
    std::vector<CommandOption> options = {
        {"--dataset", 0, [&](std::string_view value) { arguments.dataset = value; }},
        {"--format", 0,
         for_report([&](std::string_view value) { arguments.format = report_format(value); })},
        {"--output", 'o', for_report([&](std::string_view value) { arguments.output = value; })},
        {"--no-cache", 0, [&](std::string_view) { arguments.use_cache = false; }, false},
        {"--memory-budget", 0,
         [&](std::string_view value) {
             arguments.memory_budget_mb = whole_number("--memory-budget", value, 16, 1 << 20);
         }},
        {"--threads", 0,
         [&](std::string_view value) {
             arguments.threads = whole_number("--threads", value, 1, 256);
         }},
        {"--shard", 0, [&](std::string_view value) { arguments.shard = shard_of(value); }},
        {"--state", 0, [&](std::string_view value) { arguments.state = value; }},
        {"--validation-timeout", 0,
         [&](std::string_view value) {
             arguments.validation_timeout_s = whole_number("--validation-timeout", value, 1, 3600);
         }},
    };
    const std::vector<CommandOption> massive = massive_threshold_options(arguments.massive);
    options.insert(options.end(), massive.begin(), massive.end());
    return options;
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

std::vector<CommandOption> massive_threshold_options(MassiveThresholds& thresholds) {
    return {
        {"--massive-abs", 0,
         [&](std::string_view value) {
             thresholds.absolute = non_negative("--massive-abs", value);
         }},
        {"--massive-ratio", 0,
         [&](std::string_view value) {
             thresholds.ratio = non_negative("--massive-ratio", value);
         }},
    };
}

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
    const ParsedArguments parsed =
        parse_command_arguments(argc, argv, stats_options(arguments, report_options));
    arguments.file = parsed.file;
    arguments.help = parsed.help;
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
