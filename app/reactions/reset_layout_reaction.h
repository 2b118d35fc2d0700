#pragma once
// View ▸ Reset layout: every dock back where the window first put it.

#include "app/reactions/reaction.h"

namespace lngeom::app {

class WindowLayout;

class ResetLayoutReaction : public Reaction {
  public:
    ResetLayoutReaction(QAction* action, WindowLayout* layout);

  protected:
    void onTriggered() override;

  private:
    WindowLayout* layout_;
};

}  // namespace lngeom::app
