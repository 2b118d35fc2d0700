#include "app/reactions/site_step_reaction.h"

#include "app/files/document_list.h"
#include "widgets/document/dump_document.h"

namespace lngeom::app {

SiteStepReaction::SiteStepReaction(QAction* action, DocumentList* documents, Step step)
    : Reaction(action), documents_(documents), step_(step) {}

void SiteStepReaction::onTriggered() {
    widgets::DumpDocument* document = documents_->current();
    if (!document || !document->dump()) return;
    const SiteIndex current = document->currentSite();
    if (step_ == Step::Previous && current > 0) document->setCurrentSite(current - 1);
    if (step_ == Step::Next) document->setCurrentSite(current + 1);  // refused past the last
}

}  // namespace lngeom::app
