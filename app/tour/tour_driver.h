#pragma once
// Makes the real views show what a tour step explains: the step's file becomes current, its
// site is selected, the histogram shows the step's metric and the 3D view the step's vectors
// (x, y or r). The tour runs on the samples: a sample that is not open is opened.

#include <QObject>

#include "app/window/view_set.h"
#include "widgets/document/dump_document.h"

namespace lngeom::app {

class DocumentList;
class TourPanel;

class TourDriver : public QObject {
  public:
    TourDriver(TourPanel* panel, DocumentList* documents, const ViewSet& views);

    void apply(int step);

  private:
    // The open document of sample `index` (sampleDumpPaths()), opened if need be.
    widgets::DumpDocument* sample(int index) const;

    DocumentList* documents_;
    ViewSet views_;
};

}  // namespace lngeom::app
