#pragma once
// Help ▸ About: what lngeom is and the library versions it runs with.

class QWidget;

namespace lngeom::app {

void showAboutDialog(QWidget* parent);

}  // namespace lngeom::app
