#include "core/isolation/contained_open.h"

#include <cstdio>
#include <cstring>

#include "core/errors.h"
#include "core/isolation/child_process.h"
#include "core/isolation/probe_location.h"
#include "core/isolation/probe_report.h"

namespace lngeom {

namespace {

std::atomic<long long> g_default_timeout_ms{30000};

// AddressSanitizer in the probe: its own exit status, no leak report (libhdf5 leaks on failed
// opens), a failed huge malloc returns NULL as glibc's does (HDF5 then reports an error), and a
// bound on the memory a damaged file may make libhdf5 claim.
constexpr int kSanitizerExit = 86;
constexpr const char* kProbeSanitizerOptions =
    "ASAN_OPTIONS=exitcode=86:detect_leaks=0:allocator_may_return_null=1:"
    "hard_rss_limit_mb=3072:symbolize=0:print_summary=0";

std::string seconds_text(std::chrono::milliseconds duration) {
    char text[32];
    std::snprintf(text, sizeof text, "%g s", double(duration.count()) / 1000);
    return text;
}

// "heap-buffer-overflow", "SEGV", "stack-overflow", ... from AddressSanitizer's report.
std::string sanitizer_finding(const std::string& errors) {
    const std::string marker = "AddressSanitizer: ";
    const std::size_t at = errors.find(marker);
    if (at == std::string::npos) return {};
    std::string finding = errors.substr(at + marker.size());
    for (const char* end : {"\n", ":", " on ", " (", " at pc"})
        finding = finding.substr(0, finding.find(end));
    return finding;
}

// What libhdf5 did, as it follows "libhdf5 ...".
std::string what_libhdf5_did(const ChildEnd& end) {
    if (end.how == ChildEnd::How::Signalled)
        return std::string("crashed (") + strsignal(end.signal) + ")";
    const std::string finding = sanitizer_finding(end.errors);
    if (finding == "SEGV") return "crashed (segmentation fault)";
    if (finding == "stack-overflow") return "crashed (stack overflow)";
    if (finding.starts_with("hard rss limit")) return "claimed more than 3 GiB of memory";
    return "corrupted its memory (" + (finding.empty() ? "no report" : finding) + ")";
}

std::string last_line(std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text.substr(text.rfind('\n') + 1);
}

// The probe itself failed: it is missing, or ended without a report.
[[noreturn]] void throw_probe_failure(const std::string& path, const std::string& probe,
                                      const ChildEnd& end) {
    const std::string why =
        end.how == ChildEnd::How::NotStarted
            ? std::string("does not start: ") + std::strerror(end.start_error)
            : "ended with status " + std::to_string(end.exit_status) + ": " + last_line(end.errors);
    throw Error(path, "",
                "cannot validate the file: lngeom-probe (" + probe + ") " + why +
                    "; lngeom reads every file there first");
}

}  // namespace

std::chrono::milliseconds default_validation_timeout() {
    return std::chrono::milliseconds(g_default_timeout_ms.load());
}

void set_default_validation_timeout(std::chrono::milliseconds timeout) {
    g_default_timeout_ms = timeout.count();
}

void validate_in_child(const std::string& path, const std::string& dataset,
                       const ContainmentOptions& options) {
    const std::string probe = options.probe.empty() ? default_probe_path() : options.probe;
    ProbeReport report;
    ChildRun run;
    run.arguments = {probe, path};
    if (!dataset.empty()) run.arguments.push_back(dataset);
    run.environment = {kProbeSanitizerOptions};
    run.timeout = options.timeout;
    run.cancel = options.cancel;
    run.on_output_line = [&report](std::string_view line) { report.take_line(line); };
    const ChildEnd end = run_child(run);
    const std::string& object = report.object();
    switch (end.how) {
        case ChildEnd::How::Cancelled:
            throw CancelledError(path, "", "cancelled while validating the file");
        case ChildEnd::How::TimedOut:
            throw Hdf5CrashError(path, object,
                                 "libhdf5 did not finish " + report.activity() + " within " +
                                     seconds_text(options.timeout) +
                                     ": the file is damaged, or its storage very slow "
                                     "(--validation-timeout sets the limit)");
        case ChildEnd::How::Exited:
            if (end.exit_status == 0 && report.valid()) return;
            if (report.has_error()) report.rethrow_error(path);
            if (end.exit_status != kSanitizerExit) throw_probe_failure(path, probe, end);
            [[fallthrough]];
        case ChildEnd::How::Signalled:
            throw Hdf5CrashError(path, object,
                                 "libhdf5 " + what_libhdf5_did(end) + " while " +
                                     report.activity() + ": the file is damaged");
        case ChildEnd::How::NotStarted:
            throw_probe_failure(path, probe, end);
    }
}

Dump open_dump_contained(const std::string& path, const std::string& dataset,
                         const ContainmentOptions& options) {
    validate_in_child(path, dataset, options);
    return Dump::open(path, dataset);
}

}  // namespace lngeom
