#pragma once
// Cancel (Esc in the progress bar's button): stops every metrics pass still running. The files
// stay listed, marked cancelled, and the window keeps working.

#include "app/reactions/reaction.h"

namespace lngeom::app {

class DocumentList;

class CancelPassReaction : public Reaction {
  public:
    CancelPassReaction(QAction* action, DocumentList* documents);

  protected:
    void onTriggered() override;

  private:
    DocumentList* documents_;
};

}  // namespace lngeom::app
