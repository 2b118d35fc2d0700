#pragma once
// A main window as gui_main builds it (message log, document list without metrics cache), and
// HDF5 files written by h5py for the tests that need a file of a given shape.

#include <QString>
#include <QStringList>

#include <memory>

#include "app/files/document_list.h"
#include "app/messages/message_log.h"
#include "app/window/main_window.h"

namespace lngeom::test {

struct WindowUnderTest {
    std::unique_ptr<app::MessageLog> log;
    std::unique_ptr<app::DocumentList> documents;
    std::unique_ptr<app::MainWindow> window;

    // Opens `paths` and shows the window.
    explicit WindowUnderTest(const QStringList& paths = {});
    ~WindowUnderTest();
    // Waits until every pass has ended and the views have drawn; false on timeout.
    bool waitSettled(int timeoutMs = 60000) const;
    QString messages() const;
    // Makes the window the active one (Xvfb has no window manager to do it), so its shortcuts
    // receive keys; false when it did not become active.
    bool activate() const;
};

// Runs `script` with Debian's Python (h5py, numpy), `path` as sys.argv[1]; false on failure.
bool writeWithH5py(const QString& path, const QString& script);

}  // namespace lngeom::test
