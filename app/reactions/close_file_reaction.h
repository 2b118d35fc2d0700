#pragma once
// File ▸ Close (Ctrl+W): closes the current dump (stopping its pass); the next one becomes
// current.

#include "app/reactions/reaction.h"

namespace lngeom::app {

class DocumentList;

class CloseFileReaction : public Reaction {
  public:
    CloseFileReaction(QAction* action, DocumentList* documents);

  protected:
    void onTriggered() override;

  private:
    DocumentList* documents_;
};

}  // namespace lngeom::app
