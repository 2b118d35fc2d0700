#include "app/private_display.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>

#include "widgets/display_availability.h"

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

std::string readDisplayNumber(int fd) {
    std::string number;
    pollfd waiting{fd, POLLIN, 0};
    char c = 0;
    while (::poll(&waiting, 1, kStartTimeoutMs) > 0 && ::read(fd, &c, 1) == 1 && c != '\n')
        number += c;
    return number;
}

void stop(pid_t pid) {
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
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
    int pipeFds[2];
    if (::pipe(pipeFds) != 0) throw DisplayError("no display (" + *reason + "): cannot start Xvfb");
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(pipeFds[0]);
        execXvfb(*xvfb, pipeFds[1]);
    }
    ::close(pipeFds[1]);
    const std::string number = pid > 0 ? readDisplayNumber(pipeFds[0]) : std::string();
    ::close(pipeFds[0]);
    if (number.empty()) {
        if (pid > 0) stop(pid);
        throw DisplayError("no display (" + *reason + ") and " + *xvfb + " did not start");
    }
    const char* previous = std::getenv("DISPLAY");
    std::unique_ptr<PrivateDisplay> display(
        new PrivateDisplay(pid, ":" + number, previous ? previous : ""));
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
