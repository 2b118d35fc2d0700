#include "app/reactions/reaction.h"

#include <QAction>

namespace lngeom::app {

Reaction::Reaction(QAction* action) : QObject(action) {
    connect(action, &QAction::triggered, this, [this] { onTriggered(); });
}

QAction* Reaction::action() const { return static_cast<QAction*>(parent()); }

}  // namespace lngeom::app
