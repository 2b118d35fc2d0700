#include "app/cli/private_display.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>

#include "widgets/vtk_hosting/display_availability.h"

namespace lngeom::app {
namespace {

// Xvfb on llvmpipe needs a few seconds at most; a minute covers a loaded machine.
constexpr int kStartTimeoutMs = 60000;

std::optional<std::string> findOnPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::istringstream directories(path ? path : "");
    for (std::string directory; std::getline(directories, directory, ':');) {
        const std::filesystem::path candidate = std::filesystem::path(directory) / program;
        if (!directory.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return std::nullopt;
}

// The child: Xvfb writes its display number to `displayFd` once it accepts connections, and
// dies with the parent so an interrupted job leaves no server behind.
[[noreturn]] void execXvfb(const std::string& xvfb, int displayFd) {
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    const int devNull = ::open("/dev/null", O_RDWR);
    ::dup2(devNull, STDIN_FILENO);
    ::dup2(devNull, STDOUT_FILENO);
    ::dup2(devNull, STDERR_FILENO);
    const std::string fd = std::to_string(displayFd);
    ::execl(xvfb.c_str(), "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1920x1200x24",
            "-nolisten", "tcp", "-noreset", static_cast<char*>(nullptr));
    ::_exit(127);
}

// Xvfb writes the number once it accepts connections; an interrupted poll or read is retried
// and the deadline is for the whole line, so a loaded machine cannot leave half a number.
std::string readDisplayNumber(int fd) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::milliseconds(kStartTimeoutMs);
    std::string number;
    for (char c = 0; c != '\n';) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        pollfd waiting{fd, POLLIN, 0};
        const int ready = left > 0 ? ::poll(&waiting, 1, int(left)) : 0;
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) return {};
        const ssize_t got = ::read(fd, &c, 1);
        if (got < 0 && errno == EINTR) continue;
        if (got != 1) return {};
        if (c != '\n') number += c;
    }
    return number;
}

// Whether `pid` ended within `ms` (its wait status into `status`); it is reaped if so. One
// already reaped elsewhere (ECHILD) counts as ended.
bool reapedWithin(pid_t pid, int ms, int& status) {
    constexpr int kPollMs = 20;
    for (int waited = 0;; waited += kPollMs) {
        const pid_t reaped = ::waitpid(pid, &status, WNOHANG);
        if (reaped == pid || (reaped < 0 && errno == ECHILD)) return true;
        if (waited >= ms) return false;
        ::usleep(kPollMs * 1000);
    }
}

// Xvfb ends within milliseconds of SIGTERM; one that does not (wedged on a client) is killed,
// so a finished job never waits on its display.
void stop(pid_t pid) {
    int status = 0;
    ::kill(pid, SIGTERM);
    if (reapedWithin(pid, 5000, status)) return;
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
}

// Why a started Xvfb gave no display, for the message; the server is gone afterwards.
std::string whyNoDisplay(pid_t pid) {
    // A server that closed the pipe is exiting: give it a moment to be reaped.
    int status = 0;
    if (reapedWithin(pid, 1000, status))
        return WIFEXITED(status) ? "exited with status " + std::to_string(WEXITSTATUS(status))
                                 : "was killed by signal " + std::to_string(WTERMSIG(status));
    stop(pid);
    return "did not report a display within " + std::to_string(kStartTimeoutMs / 1000) + " s";
}

struct Started {
    pid_t pid = -1;
    std::string name;     // ":N"; empty on failure
    std::string failure;  // why not
};

// Starts one Xvfb and waits until it reports its display and a client can connect to it.
Started startXvfb(const std::string& xvfb) {
    int pipeFds[2];
    if (::pipe(pipeFds) != 0) return {-1, {}, "cannot create a pipe"};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(pipeFds[0]);
        execXvfb(xvfb, pipeFds[1]);
    }
    ::close(pipeFds[1]);
    const std::string number = pid > 0 ? readDisplayNumber(pipeFds[0]) : std::string();
    ::close(pipeFds[0]);
    if (pid < 0) return {-1, {}, "cannot fork"};
    if (number.empty()) return {-1, {}, whyNoDisplay(pid)};
    if (!widgets::canConnectToX(":" + number)) {
        stop(pid);
        return {-1, {}, "reported display :" + number + " but does not accept connections"};
    }
    return {pid, ":" + number, {}};
}

}  // namespace

std::unique_ptr<PrivateDisplay> PrivateDisplay::startIfNeeded() {
    const std::optional<std::string> reason = widgets::displayUnavailableReason();
    if (!reason) return nullptr;
    const std::optional<std::string> xvfb = findOnPath("Xvfb");
    if (!xvfb)
        throw DisplayError("no display (" + *reason +
                           ") and Xvfb is not installed: install the 'xvfb' package "
                           "(tools/install-deps.sh) or set DISPLAY to an X server");
    // One retry: under heavy load a first server can die while it starts.
    Started started = startXvfb(*xvfb);
    if (started.name.empty()) started = startXvfb(*xvfb);
    if (started.name.empty())
        throw DisplayError("no display (" + *reason + ") and " + *xvfb +
                           " did not start twice: " + started.failure);
    const char* previous = std::getenv("DISPLAY");
    std::unique_ptr<PrivateDisplay> display(
        new PrivateDisplay(started.pid, started.name, previous ? previous : ""));
    ::setenv("DISPLAY", display->name_.c_str(), 1);
    return display;
}

PrivateDisplay::PrivateDisplay(pid_t pid, std::string name, std::string previous)
    : pid_(pid), name_(std::move(name)), previousDisplay_(std::move(previous)) {}

PrivateDisplay::~PrivateDisplay() {
    stop(pid_);
    if (previousDisplay_.empty())
        ::unsetenv("DISPLAY");
    else
        ::setenv("DISPLAY", previousDisplay_.c_str(), 1);
}

}  // namespace lngeom::app
