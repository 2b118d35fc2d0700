#include "app/generic_file_resolver.h"

#include "app/dataset_picker_dialog.h"
#include "app/document_list.h"
#include "widgets/dump_document.h"

namespace lngeom::app {
namespace {

// The dataset listing only reads metadata, so it is quick enough for the GUI thread; a file it
// cannot list has already been reported by the failed open.
std::vector<DatasetCandidate> candidatesOf(const QString& path) {
    try {
        return Dump::list_datasets(path.toStdString());
    } catch (const std::exception&) {
        return {};
    }
}

}  // namespace

GenericFileResolver::GenericFileResolver(DocumentList* documents, Chooser chooser)
    : QObject(documents), documents_(documents), chooser_(std::move(chooser)) {
    connect(documents, &DocumentList::stateChanged, this, &GenericFileResolver::resolve);
}

GenericFileResolver::Chooser GenericFileResolver::dialogChooser(QWidget* parent) {
    return [parent](const QString& path,
                    const std::vector<DatasetCandidate>& candidates) -> std::optional<QString> {
        DatasetPickerDialog dialog(path, candidates, parent);
        if (dialog.exec() != QDialog::Accepted) return std::nullopt;
        return dialog.chosenDataset();
    };
}

void GenericFileResolver::resolve(widgets::DumpDocument* document) {
    if (document->state() != widgets::DumpDocument::State::Failed) return;
    if (!document->dataset().isEmpty()) return;
    const std::vector<DatasetCandidate> candidates = candidatesOf(document->path());
    if (candidates.size() < 2) return;
    const std::optional<QString> dataset = chooser_(document->path(), candidates);
    if (!dataset) return;
    const QString path = document->path();
    documents_->close(document);
    documents_->setCurrent(documents_->open(path, *dataset));
}

}  // namespace lngeom::app
