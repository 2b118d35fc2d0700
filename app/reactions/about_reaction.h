#pragma once
// Help ▸ About lngeom.

#include "app/reactions/reaction.h"

class QWidget;

namespace lngeom::app {

class AboutReaction : public Reaction {
  public:
    AboutReaction(QAction* action, QWidget* dialogParent);

  protected:
    void onTriggered() override;

  private:
    QWidget* dialogParent_;
};

}  // namespace lngeom::app
