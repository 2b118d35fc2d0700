#pragma once
// View ▸ Previous / Next site: moves the current dump to the neighbouring norm site.

#include "app/reactions/reaction.h"

namespace lngeom::app {

class DocumentList;

class SiteStepReaction : public Reaction {
  public:
    enum class Step { Previous, Next };
    SiteStepReaction(QAction* action, DocumentList* documents, Step step);

  protected:
    void onTriggered() override;

  private:
    DocumentList* documents_;
    Step step_;
};

}  // namespace lngeom::app
