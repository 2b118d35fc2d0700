#include "app/reactions/close_file_reaction.h"

#include "app/files/document_list.h"
#include "app/reactions/action_enable_state.h"

namespace lngeom::app {

CloseFileReaction::CloseFileReaction(QAction* action, DocumentList* documents)
    : Reaction(action), documents_(documents) {
    enableWhen(action, documents, ActionNeeds::OpenFile);
}

void CloseFileReaction::onTriggered() {
    if (widgets::DumpDocument* document = documents_->current()) documents_->close(document);
}

}  // namespace lngeom::app
