#include "core/isolation/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

extern char** environ;

namespace lngeom {

namespace {

constexpr std::size_t kKeptErrorBytes = 64 * 1024;
constexpr int kCancelPollMs = 50;

class Pipe {
  public:
    Pipe() {
        if (pipe2(ends_.data(), O_CLOEXEC) != 0) ends_ = {-1, -1};
    }
    ~Pipe() {
        close_read();
        close_write();
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    bool valid() const { return ends_[0] >= 0; }
    int read_end() const { return ends_[0]; }
    int write_end() const { return ends_[1]; }
    void close_read() { close_end(0); }
    void close_write() { close_end(1); }

  private:
    void close_end(int which) {
        if (ends_[which] >= 0) ::close(ends_[which]);
        ends_[which] = -1;
    }
    std::array<int, 2> ends_{-1, -1};
};

// This process's environment with `extra` added; a NAME=value in `extra` replaces ours.
std::vector<std::string> child_environment(const std::vector<std::string>& extra) {
    std::vector<std::string> entries;
    for (char** entry = environ; *entry; ++entry) {
        const std::string_view text(*entry);
        const std::string_view name = text.substr(0, text.find('=') + 1);
        bool replaced = false;
        for (const std::string& added : extra) replaced |= added.starts_with(name);
        if (!replaced) entries.emplace_back(text);
    }
    entries.insert(entries.end(), extra.begin(), extra.end());
    return entries;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> result;
    for (std::string& text : strings) result.push_back(text.data());
    result.push_back(nullptr);
    return result;
}

// posix_spawn with stdout and stderr into the pipes and stdin from /dev/null; 0 or an errno.
int spawn(const ChildRun& run, const Pipe& out, const Pipe& err, pid_t& pid) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write_end(), 1);
    posix_spawn_file_actions_adddup2(&actions, err.write_end(), 2);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);  // a GUI thread may block signals
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
    std::vector<std::string> arguments = run.arguments;
    std::vector<std::string> environment = child_environment(run.environment);
    const int status = posix_spawn(&pid, arguments.front().c_str(), &actions, &attributes,
                                   pointers(arguments).data(), pointers(environment).data());
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return status;
}

// Splits standard output into lines for the listener and keeps the tail of standard error.
struct Collector {
    const ChildRun& run;
    std::string partial_line;
    std::string errors;

    void take_output(const char* data, std::size_t size) {
        partial_line.append(data, size);
        std::size_t start = 0;
        for (std::size_t end; (end = partial_line.find('\n', start)) != std::string::npos;
             start = end + 1)
            if (run.on_output_line)
                run.on_output_line(std::string_view(partial_line).substr(start, end - start));
        partial_line.erase(0, start);
    }

    void take_errors(const char* data, std::size_t size) {
        errors.append(data, size);
        if (errors.size() > kKeptErrorBytes) errors.erase(0, errors.size() - kKeptErrorBytes);
    }
};

// Reads whatever is ready on `fd`; false at end of file.
bool drain(int fd, Collector& collector, bool output) {
    char buffer[4096];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) return errno == EINTR || errno == EAGAIN;
    if (n == 0) return false;
    if (output)
        collector.take_output(buffer, std::size_t(n));
    else
        collector.take_errors(buffer, std::size_t(n));
    return true;
}

ChildEnd::How supervise(const ChildRun& run, Pipe& out, Pipe& err, Collector& collector) {
    using Clock = std::chrono::steady_clock;
    const Clock::time_point deadline = Clock::now() + run.timeout;
    std::array<bool, 2> open{true, true};
    while (open[0] || open[1]) {
        if (run.cancel && *run.cancel) return ChildEnd::How::Cancelled;
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return ChildEnd::How::TimedOut;
        std::array<pollfd, 2> fds{pollfd{open[0] ? out.read_end() : -1, POLLIN, 0},
                                  pollfd{open[1] ? err.read_end() : -1, POLLIN, 0}};
        const int wait_ms = int(run.cancel ? std::min<long>(left.count(), kCancelPollMs)
                                           : std::min<long>(left.count(), 1 << 30));
        if (poll(fds.data(), fds.size(), wait_ms) < 0 && errno != EINTR)
            return ChildEnd::How::TimedOut;
        for (std::size_t i = 0; i < fds.size(); ++i)
            if (open[i] && (fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                open[i] = drain(fds[i].fd, collector, i == 0);
    }
    return ChildEnd::How::Exited;
}

ChildEnd ended(pid_t pid, ChildEnd::How how, std::string errors) {
    ChildEnd end;
    end.how = how;
    end.errors = std::move(errors);
    if (how != ChildEnd::How::Exited) kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (how != ChildEnd::How::Exited) return end;
    if (WIFSIGNALED(status)) {
        end.how = ChildEnd::How::Signalled;
        end.signal = WTERMSIG(status);
    } else {
        end.exit_status = WEXITSTATUS(status);
    }
    return end;
}

}  // namespace

ChildEnd run_child(const ChildRun& run) {
    Pipe out, err;
    ChildEnd failed;
    if (!out.valid() || !err.valid()) {
        failed.start_error = errno;
        return failed;
    }
    pid_t pid = 0;
    failed.start_error = spawn(run, out, err, pid);
    if (failed.start_error != 0) return failed;
    out.close_write();
    err.close_write();
    Collector collector{run, {}, {}};
    const ChildEnd::How how = supervise(run, out, err, collector);
    return ended(pid, how, std::move(collector.errors));
}

}  // namespace lngeom
