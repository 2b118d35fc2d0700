#pragma once
// File ▸ Open (Ctrl+O): picks HDF5 dumps and opens each in the document list.

#include "app/reactions/reaction.h"

class QWidget;

namespace lngeom::app {

class DocumentList;

class OpenFileReaction : public Reaction {
  public:
    OpenFileReaction(QAction* action, DocumentList* documents, QWidget* dialogParent);

  protected:
    void onTriggered() override;

  private:
    DocumentList* documents_;
    QWidget* dialogParent_;
};

}  // namespace lngeom::app
