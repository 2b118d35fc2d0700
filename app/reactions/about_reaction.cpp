#include "app/reactions/about_reaction.h"

#include "app/window/about_dialog.h"

namespace lngeom::app {

AboutReaction::AboutReaction(QAction* action, QWidget* dialogParent)
    : Reaction(action), dialogParent_(dialogParent) {}

void AboutReaction::onTriggered() { showAboutDialog(dialogParent_); }

}  // namespace lngeom::app
