#pragma once
// View ▸ Previous / Next site: moves the current dump to the neighbouring norm site.

#include "app/reactions/reaction.h"

namespace lngeom::app {

class DocumentList;

class SiteStepReaction : public Reaction {
  public:
    // `step`: -1 previous, +1 next.
    SiteStepReaction(QAction* action, DocumentList* documents, int step);

  protected:
    void onTriggered() override;

  private:
    DocumentList* documents_;
    int step_;
};

}  // namespace lngeom::app
