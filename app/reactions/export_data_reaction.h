#pragma once
// File ▸ Export Data: the per-token metrics of every token (CSV, or HDF5 by the .h5 extension)
// or of the selected tokens (CSV, one row per token and site), or the per-site statistics (.json as
// `lngeom stats`, .csv, .txt), of the document the window shows. Written atomically; the status bar
// and the Messages panel say what was written, or which file was not and why.

#include "app/reactions/export_report.h"
#include "app/reactions/reaction.h"

#include <functional>

class QAction;
class QStatusBar;

namespace lngeom::widgets {
class DumpDocument;
}

namespace lngeom::app {

class MessageLog;

enum class DataExportKind { AllTokens, SelectedTokens, SiteStatistics };

class ExportDataReaction : public Reaction {
  public:
    // The document to export from when triggered (nullptr: none).
    using DocumentSource = std::function<widgets::DumpDocument*()>;

    ExportDataReaction(QAction* action, DataExportKind kind, DocumentSource document,
                       QStatusBar* statusBar, MessageLog* log);

    // Writes without asking; false (and the reason in the status bar and the Messages panel) when
    // it could not.
    bool exportTo(const QString& path);

  private:
    void onTriggered() override;
    void write(const widgets::DumpDocument& document, const std::string& path) const;

    DataExportKind kind_;
    DocumentSource document_;
    ExportReport report_;
};

}  // namespace lngeom::app
