#include "app/files/generic_file_resolver.h"

#include "app/files/dataset_lister.h"
#include "app/files/dataset_picker_dialog.h"
#include "app/files/document_list.h"
#include "widgets/document/dump_document.h"

namespace lngeom::app {

GenericFileResolver::GenericFileResolver(DocumentList* documents, Chooser chooser)
    : QObject(documents),
      documents_(documents),
      chooser_(std::move(chooser)),
      lister_(new DatasetLister(this)) {
    connect(documents, &DocumentList::stateChanged, this, &GenericFileResolver::resolve);
}

GenericFileResolver::Chooser GenericFileResolver::dialogChooser(QWidget* parent) const {
    return [parent, lister = lister_](const QString& path) -> std::optional<QString> {
        DatasetPickerDialog dialog(path, lister, parent);
        if (dialog.exec() != QDialog::Accepted) return std::nullopt;
        return dialog.chosenDataset();
    };
}

void GenericFileResolver::resolve(widgets::DumpDocument* document) {
    if (document->state() != widgets::DumpDocument::State::Failed) return;
    if (!document->dataset().isEmpty() || !chooser_) return;
    // The failed open already looked at the file: only one with several candidates asks.
    if (!document->needsDatasetChoice()) return;
    const std::optional<QString> dataset = chooser_(document->path());
    if (!dataset) return;
    const QString path = document->path();
    documents_->close(document);
    documents_->setCurrent(documents_->open(path, *dataset));
}

}  // namespace lngeom::app
