#pragma once
// How an export tells the user how it went: a line in the status bar for a glance, and the same
// in the Messages panel to read back later — what was written, or which file was not and why.

#include <QString>

class QStatusBar;

namespace lngeom::app {

class MessageLog;

class ExportReport {
  public:
    ExportReport(QStatusBar* statusBar, MessageLog* log);

    void written(const QString& path, const QString& text);
    // `reason` usually names the file already; when it does not, the path is put first.
    void failed(const QString& path, const QString& reason);
    void nothingToExport(const QString& text);

    QStatusBar* statusBar() const { return statusBar_; }

  private:
    QStatusBar* statusBar_;
    MessageLog* log_;
};

}  // namespace lngeom::app
