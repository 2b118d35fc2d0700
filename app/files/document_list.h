#pragma once
// The dumps open in the window, in the order they were opened, and which one the views show.
// Opening starts the document's background pass; its failure or cancellation is reported to
// the message log with the file's name.

#include <QObject>
#include <QString>

#include <vector>

#include "core/metrics/metrics_store.h"
#include "widgets/document/dump_document.h"

namespace lngeom::app {

class MessageLog;

class DocumentList : public QObject {
    Q_OBJECT
  public:
    DocumentList(StoreOptions options, MessageLog* log, QObject* parent = nullptr);

    // Opens `path` (`dataset`: a generic file's dataset, empty for the default) and makes it
    // current when nothing else is.
    widgets::DumpDocument* open(const QString& path, const QString& dataset = {});
    void close(widgets::DumpDocument* document);

    const std::vector<widgets::DumpDocument*>& documents() const { return documents_; }
    widgets::DumpDocument* current() const { return current_; }
    void setCurrent(widgets::DumpDocument* document);
    // Documents whose pass is still running.
    std::vector<widgets::DumpDocument*> loading() const;
    // No document is opening or computing.
    bool isSettled() const;
    // The memory each document opened from now on may use, in bytes (StoreOptions::pass): its
    // pass, its table's sorts and its 3D cloud (DumpDocument::memoryBudget()).
    std::size_t memoryBudget() const { return options_.pass.memory_budget_bytes; }
    void setMemoryBudget(std::size_t bytes) { options_.pass.memory_budget_bytes = bytes; }

  signals:
    void added(lngeom::widgets::DumpDocument* document);
    void removed(lngeom::widgets::DumpDocument* document);
    void currentChanged(lngeom::widgets::DumpDocument* document);
    // A document's state changed (info read, ready, failed, cancelled).
    void stateChanged(lngeom::widgets::DumpDocument* document);
    // What a ready document's dump cannot show (dump_findings.h), one sentence, also logged.
    void warningFound(lngeom::widgets::DumpDocument* document, const QString& warning);

  private:
    void report(widgets::DumpDocument* document);
    void reportWarnings(widgets::DumpDocument* document);
    // The first document that has not failed (the current one when all have), so a file that
    // cannot be opened does not leave the views empty while another can be shown.
    widgets::DumpDocument* firstUsable() const;

    StoreOptions options_;
    MessageLog* log_;
    std::vector<widgets::DumpDocument*> documents_;
    widgets::DumpDocument* current_ = nullptr;
};

}  // namespace lngeom::app
