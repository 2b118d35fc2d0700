#include "app/reactions/settings_reaction.h"

#include "app/settings/settings_dialog.h"

namespace lngeom::app {

SettingsReaction::SettingsReaction(QAction* action, DocumentList* documents, QWidget* dialogParent)
    : Reaction(action), documents_(documents), dialogParent_(dialogParent) {}

void SettingsReaction::onTriggered() {
    SettingsDialog dialog(documents_, dialogParent_);
    dialog.exec();
}

}  // namespace lngeom::app
