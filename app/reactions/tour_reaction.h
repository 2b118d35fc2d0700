#pragma once
// Help ▸ Guided Tour (F1): shows the Tour dock from its first step.

#include "app/reactions/reaction.h"

class QDockWidget;

namespace lngeom::app {

class TourPanel;

class TourReaction : public Reaction {
  public:
    TourReaction(QAction* action, QDockWidget* dock, TourPanel* panel);

  protected:
    void onTriggered() override;

  private:
    QDockWidget* dock_;
    TourPanel* panel_;
};

}  // namespace lngeom::app
