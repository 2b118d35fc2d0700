#include "app/reactions/open_file_reaction.h"

#include <QFileDialog>

#include "app/files/document_list.h"

namespace lngeom::app {

OpenFileReaction::OpenFileReaction(QAction* action, DocumentList* documents, QWidget* dialogParent)
    : Reaction(action), documents_(documents), dialogParent_(dialogParent) {}

void OpenFileReaction::onTriggered() {
    const QStringList paths =
        QFileDialog::getOpenFileNames(dialogParent_, tr("Open activation dumps"), QString(),
                                      tr("HDF5 files (*.h5 *.hdf5 *.he5 *.hdf);;All files (*)"));
    for (const QString& path : paths) documents_->open(path);
}

}  // namespace lngeom::app
