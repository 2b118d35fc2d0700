#pragma once
// File ▸ Settings…: opens the settings dialog (the memory budget).

#include "app/reactions/reaction.h"

class QWidget;

namespace lngeom::app {

class DocumentList;

class SettingsReaction : public Reaction {
  public:
    SettingsReaction(QAction* action, DocumentList* documents, QWidget* dialogParent);

  protected:
    void onTriggered() override;

  private:
    DocumentList* documents_;
    QWidget* dialogParent_;
};

}  // namespace lngeom::app
