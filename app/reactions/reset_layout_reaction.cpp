#include "app/reactions/reset_layout_reaction.h"

#include "app/window/window_layout.h"

namespace lngeom::app {

ResetLayoutReaction::ResetLayoutReaction(QAction* action, WindowLayout* layout)
    : Reaction(action), layout_(layout) {}

void ResetLayoutReaction::onTriggered() { layout_->reset(); }

}  // namespace lngeom::app
