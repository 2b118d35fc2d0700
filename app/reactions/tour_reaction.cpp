#include "app/reactions/tour_reaction.h"

#include <QDockWidget>

#include "app/tour/tour_panel.h"

namespace lngeom::app {

TourReaction::TourReaction(QAction* action, QDockWidget* dock, TourPanel* panel)
    : Reaction(action), dock_(dock), panel_(panel) {}

void TourReaction::onTriggered() {
    dock_->show();
    dock_->raise();
    panel_->showStep(0);
}

}  // namespace lngeom::app
