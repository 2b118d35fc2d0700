#pragma once
// ParaView's reaction pattern: one small object per menu or toolbar action, owned by the action,
// doing what the action means when it is triggered. The main window only creates them.

#include <QObject>

class QAction;

namespace lngeom::app {

class Reaction : public QObject {
  public:
    explicit Reaction(QAction* action);

  protected:
    virtual void onTriggered() = 0;
    QAction* action() const;
};

}  // namespace lngeom::app
