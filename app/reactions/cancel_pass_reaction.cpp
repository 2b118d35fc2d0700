#include "app/reactions/cancel_pass_reaction.h"

#include "app/files/document_list.h"
#include "app/reactions/action_enable_state.h"
#include "widgets/document/dump_document.h"

namespace lngeom::app {

CancelPassReaction::CancelPassReaction(QAction* action, DocumentList* documents)
    : Reaction(action), documents_(documents) {
    enableWhen(action, documents, ActionNeeds::RunningPass);
}

void CancelPassReaction::onTriggered() {
    for (widgets::DumpDocument* document : documents_->loading()) document->cancel();
}

}  // namespace lngeom::app
