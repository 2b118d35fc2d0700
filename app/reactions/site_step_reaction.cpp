#include "app/reactions/site_step_reaction.h"

#include <algorithm>

#include "app/files/document_list.h"
#include "widgets/document/dump_document.h"

namespace lngeom::app {

SiteStepReaction::SiteStepReaction(QAction* action, DocumentList* documents, int step)
    : Reaction(action), documents_(documents), step_(step) {}

void SiteStepReaction::onTriggered() {
    widgets::DumpDocument* document = documents_->current();
    if (!document || !document->dump()) return;
    const int sites = int(document->info().sites.size());
    document->setCurrentSite(std::clamp(document->currentSite() + step_, 0, sites - 1));
}

}  // namespace lngeom::app
