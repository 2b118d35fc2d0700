#pragma once
// File ▸ Save Session… and File ▸ Open Session…: everything the user set up, to and from a
// small JSON file; a saved session is confirmed in the status bar (Save needs an open file). A
// session that cannot be read is reported in the message panel by name and reason; the window stays
// as it was.

#include "app/reactions/reaction.h"

namespace lngeom::app {

class MainWindow;
class MessageLog;

class SaveSessionReaction : public Reaction {
  public:
    SaveSessionReaction(QAction* action, MainWindow* window, MessageLog* log);

  protected:
    void onTriggered() override;

  private:
    MainWindow* window_;
    MessageLog* log_;
};

class OpenSessionReaction : public Reaction {
  public:
    OpenSessionReaction(QAction* action, MainWindow* window, MessageLog* log);

    // Restores the session in `path`; false (reported to `log`) when it cannot be read.
    static bool openSession(MainWindow* window, MessageLog* log, const QString& path);

  protected:
    void onTriggered() override;

  private:
    MainWindow* window_;
    MessageLog* log_;
};

}  // namespace lngeom::app
