#include "app/reactions/close_file_reaction.h"

#include "app/files/document_list.h"

namespace lngeom::app {

CloseFileReaction::CloseFileReaction(QAction* action, DocumentList* documents)
    : Reaction(action), documents_(documents) {}

void CloseFileReaction::onTriggered() {
    if (widgets::DumpDocument* document = documents_->current()) documents_->close(document);
}

}  // namespace lngeom::app
