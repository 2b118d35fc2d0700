#include "widgets/document/document_state.h"

#include <QObject>

#include "widgets/document/dump_document.h"

namespace lngeom::widgets {

QString documentStateMessage(const DumpDocument* document) {
    if (!document)
        return QObject::tr("No file open.\nFile ▸ Open (Ctrl+O), or drop a dump on the window.");
    const QString name = document->displayName();
    switch (document->state()) {
        case DumpDocument::State::Idle:
        case DumpDocument::State::Opening:
            return QObject::tr("Opening %1…").arg(name);
        case DumpDocument::State::Computing:
            return QObject::tr(
                       "Computing the metrics of %1…\n(progress and Cancel in the status bar)")
                .arg(name);
        case DumpDocument::State::Cancelled:
            return QObject::tr(
                       "The metrics pass over %1 was cancelled, so this view has nothing to "
                       "show.\nOpen the file again (File ▸ Open Recent) to compute them.")
                .arg(name);
        case DumpDocument::State::Failed:
            return QObject::tr("%1 could not be opened:\n%2").arg(name, document->errorMessage());
        case DumpDocument::State::Ready:
            break;
    }
    return QString();
}

}  // namespace lngeom::widgets
