#pragma once
// What a command-line job that draws needs: an X display (a private Xvfb when there is none),
// a QApplication with the OpenGL defaults VTK wants, and dumps loaded with their metrics
// before the job goes on. The application ends before the private display stops.

#include <QString>

#include <memory>
#include <string>

class QApplication;

namespace lngeom::widgets {
class DumpDocument;
}

namespace lngeom::app {

class PrivateDisplay;

class BatchSession {
  public:
    // DisplayError when no display can be had.
    BatchSession();
    ~BatchSession();
    BatchSession(const BatchSession&) = delete;
    BatchSession& operator=(const BatchSession&) = delete;

    // Opens `file` and waits for its metrics (from the cache when valid). std::runtime_error with
    // the document's own message when it cannot be opened or computed.
    std::unique_ptr<widgets::DumpDocument> load(const std::string& file,
                                                const std::string& dataset);

  private:
    std::unique_ptr<PrivateDisplay> display_;
    int argc_ = 1;
    char applicationName_[8] = "lngeom";
    char* argv_[2] = {applicationName_, nullptr};
    std::unique_ptr<QApplication> application_;
};

}  // namespace lngeom::app
