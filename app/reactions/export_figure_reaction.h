#pragma once
// File ▸ Export Figure… (and a view's context menu) for one view: asks for a file name — the
// format follows its extension, as matplotlib's savefig does: PNG, SVG, PDF, EPS (the 3D view:
// PNG, or SVG drawn from its geometry) — draws what the view shows with the publication preset,
// writes the recipe beside it, and says in the status bar and the Messages panel what was
// written or why not.
// Owned by its action, like the window's other reactions.

#include "app/reactions/export_report.h"
#include "app/reactions/reaction.h"

class QAction;
class QStatusBar;
class QWidget;

namespace lngeom::app {

class MessageLog;

class ExportFigureReaction : public Reaction {
  public:
    // `view`: a HistogramView, LayerCurvesView, LayerHeatmapView or ProjectionView; while it has
    // no data, triggering says so in the status bar.
    ExportFigureReaction(QAction* action, QWidget* view, QStatusBar* statusBar, MessageLog* log);

    // PNG pixels per point (default 2) and a transparent PNG background (default off).
    void setPngScale(double scale) { pngScale_ = scale; }
    void setTransparentPng(bool transparent) { transparentPng_ = transparent; }

    // Writes the view's figure to `path` without asking; false (and the reason in the status bar
    // and the Messages panel) when it could not. What a test or a scripted session calls.
    bool exportTo(const QString& path);

  private:
    void onTriggered() override;

    QWidget* view_;
    ExportReport report_;
    double pngScale_ = 2.0;
    bool transparentPng_ = false;
};

}  // namespace lngeom::app
