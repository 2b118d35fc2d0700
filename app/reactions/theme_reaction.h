#pragma once
// View ▸ Theme: System / Light / Dark (checkable, exclusive), and a toggle between light and
// dark.

#include "app/reactions/reaction.h"
#include "app/window/theme.h"

class QMenu;

namespace lngeom::app {

class ThemeReaction : public Reaction {
  public:
    // `theme`: the theme the action applies; nullopt: toggle between light and dark.
    ThemeReaction(QAction* action, std::optional<Theme> theme);

    // Adds the three theme actions and the toggle to `menu`.
    static void addThemeActions(QMenu* menu);

  protected:
    void onTriggered() override;

  private:
    std::optional<Theme> theme_;
};

}  // namespace lngeom::app
