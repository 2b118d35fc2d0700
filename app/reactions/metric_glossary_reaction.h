#pragma once
// Help ▸ Metric Definitions: every per-token metric lngeom computes, with its definition (the
// same text the views use as tooltips).

#include "app/reactions/reaction.h"

class QWidget;

namespace lngeom::app {

class MetricGlossaryReaction : public Reaction {
  public:
    MetricGlossaryReaction(QAction* action, QWidget* dialogParent);

    // The definitions as an HTML table.
    static QString glossaryHtml();

  protected:
    void onTriggered() override;

  private:
    QWidget* dialogParent_;
};

}  // namespace lngeom::app
