#pragma once
// Makes the real views show what a tour step explains: the step's file becomes current, its site
// is selected, the histogram and the layer curves show the step's metric, the 3D projection the
// step's vectors at their placement, and the step's view and chart come to the front; a step
// about one of LayerNorm's stages walks its tokens through the step-through at that stage. The
// step's text gets the numbers of the data shown, once the file's metrics are computed. The tour
// runs on the samples: a sample that is not open is opened.

#include <QMetaObject>
#include <QObject>

#include <functional>

#include "app/window/view_set.h"
#include "widgets/document/dump_document.h"

class QWidget;

namespace lngeom::app {

class DocumentList;
class TourPanel;
struct TourStep;

class TourDriver : public QObject {
  public:
    // `raiseView` brings one of the views to the front (its tab or dock).
    TourDriver(TourPanel* panel, DocumentList* documents, const ViewSet& views,
               std::function<void(QWidget*)> raiseView);

    void apply(int step);

  private:
    // The open document of sample `index` (sampleDumpPaths()), or nullptr.
    widgets::DumpDocument* openSample(int index) const;
    // The same, opened if need be.
    widgets::DumpDocument* sample(int index) const;
    void showViews(const TourStep& step);
    // The text of the step on screen, with the numbers of its file once they are known.
    void showText();
    // The step-through walks the step's tokens at the step's stage.
    void walk(const TourStep& step, const widgets::DumpDocument& document);

    TourPanel* panel_;
    DocumentList* documents_;
    ViewSet views_;
    std::function<void(QWidget*)> raiseView_;
    QMetaObject::Connection pendingWalk_;
};

}  // namespace lngeom::app
