#include "app/files/document_list.h"

#include <algorithm>

#include "app/messages/message_log.h"
#include "core/reports/dump_findings.h"
#include "widgets/document/dump_document.h"

namespace lngeom::app {

using widgets::DumpDocument;

DocumentList::DocumentList(StoreOptions options, MessageLog* log, QObject* parent)
    : QObject(parent), options_(std::move(options)), log_(log) {}

DumpDocument* DocumentList::open(const QString& path, const QString& dataset) {
    auto* document = new DumpDocument(path, dataset, options_, this);
    documents_.push_back(document);
    connect(document, &DumpDocument::infoReady, this, [this, document] { report(document); });
    connect(document, &DumpDocument::ready, this, [this, document] { report(document); });
    connect(document, &DumpDocument::failed, this, [this, document] { report(document); });
    connect(document, &DumpDocument::cancelled, this, [this, document] { report(document); });
    const QString what = dataset.isEmpty() ? path : tr("%1, dataset %2").arg(path, dataset);
    log_->add(MessageSeverity::Info, document->displayName(), tr("opening %1").arg(what));
    // Started first, so whoever hears of the document sees it loading; its results are queued.
    document->load();
    emit added(document);
    if (!current_) setCurrent(document);
    return document;
}

void DocumentList::close(DumpDocument* document) {
    const auto found = std::find(documents_.begin(), documents_.end(), document);
    if (found == documents_.end()) return;
    documents_.erase(found);
    if (current_ == document) setCurrent(documents_.empty() ? nullptr : documents_.front());
    emit removed(document);
    document->deleteLater();
}

void DocumentList::setCurrent(DumpDocument* document) {
    if (document == current_) return;
    current_ = document;
    emit currentChanged(document);
}

std::vector<DumpDocument*> DocumentList::loading() const {
    std::vector<DumpDocument*> result;
    for (DumpDocument* document : documents_) {
        const DumpDocument::State state = document->state();
        if (state == DumpDocument::State::Opening || state == DumpDocument::State::Computing)
            result.push_back(document);
    }
    return result;
}

DumpDocument* DocumentList::firstUsable() const {
    for (DumpDocument* document : documents_)
        if (document->state() != DumpDocument::State::Failed) return document;
    return current_;
}

bool DocumentList::isSettled() const { return loading().empty(); }

// What the dump cannot show (e.g. captured after LayerNorm folding), as lngeom stats says it.
void DocumentList::reportWarnings(DumpDocument* document) {
    try {
        for (const std::string& warning :
             dump_warnings(*document->dump(), document->metrics().summaries())) {
            log_->add(MessageSeverity::Warning, document->displayName(),
                      QString::fromStdString(warning));
            emit warningFound(document, QString::fromStdString(warning));
        }
    } catch (const std::exception& error) {
        log_->add(MessageSeverity::Error, document->displayName(),
                  tr("could not read γ and β: %1").arg(QString::fromUtf8(error.what())));
    }
}

void DocumentList::report(DumpDocument* document) {
    const QString name = document->displayName();
    switch (document->state()) {
        case DumpDocument::State::Ready:
            log_->add(MessageSeverity::Info, name, tr("metrics ready"));
            reportWarnings(document);
            break;
        case DumpDocument::State::Failed:
            // The core's message names the file and the reason.
            log_->add(MessageSeverity::Error, name,
                      tr("could not open it: %1").arg(document->errorMessage()));
            if (current_ == document) setCurrent(firstUsable());
            break;
        case DumpDocument::State::Cancelled:
            log_->add(MessageSeverity::Warning, name,
                      tr("metrics pass over %1 cancelled; the views of this file stay empty until "
                         "it is opened again")
                          .arg(document->path()));
            break;
        default:
            break;
    }
    emit stateChanged(document);
}

}  // namespace lngeom::app
