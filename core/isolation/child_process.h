#pragma once
// Running a helper program under a time limit: its standard output line by line as it comes,
// and how it ended (exit status, signal, killed at the limit or on request). POSIX only and
// free of Qt; safe from any thread (posix_spawn, close-on-exec pipes), so a GUI process may
// run several at once while other threads hold HDF5's lock.

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lngeom {

struct ChildRun {
    std::vector<std::string> arguments;    // [0]: the program's path
    std::vector<std::string> environment;  // NAME=value, added to this process's own
    std::chrono::milliseconds timeout{30000};
    const std::atomic<bool>* cancel = nullptr;  // polled every 50 ms
    std::function<void(std::string_view line)> on_output_line;
};

struct ChildEnd {
    enum class How { Exited, Signalled, TimedOut, Cancelled, NotStarted };
    How how = How::NotStarted;
    int exit_status = 0;  // Exited
    int signal = 0;       // Signalled
    int start_error = 0;  // NotStarted: errno of posix_spawn
    std::string errors;   // its standard error (the last 64 KiB)
};

// Runs the program to its end, killing it (SIGKILL) at the time limit or on cancel.
ChildEnd run_child(const ChildRun& run);

}  // namespace lngeom
