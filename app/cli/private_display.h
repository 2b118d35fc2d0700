#pragma once
// The X server a batch job renders on. Debian's VTK 9.1 has neither EGL nor OSMesa, so even
// off-screen rendering needs X: when no display is usable, a private Xvfb runs for the job's
// duration and is stopped when the job ends.

#include <sys/types.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace lngeom::app {

// No display and no way to start one; what() is one line saying what to do.
class DisplayError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class PrivateDisplay {
  public:
    // nullptr when the current display is usable; else starts Xvfb, sets DISPLAY to it and
    // returns its owner. DisplayError when Xvfb is not on PATH or does not start.
    static std::unique_ptr<PrivateDisplay> startIfNeeded();

    ~PrivateDisplay();  // stops the server and restores DISPLAY
    PrivateDisplay(const PrivateDisplay&) = delete;
    PrivateDisplay& operator=(const PrivateDisplay&) = delete;

    const std::string& name() const { return name_; }  // ":N"
    pid_t pid() const { return pid_; }

  private:
    PrivateDisplay(pid_t pid, std::string name, std::string previous);

    pid_t pid_;
    std::string name_;
    std::string previousDisplay_;
};

}  // namespace lngeom::app
