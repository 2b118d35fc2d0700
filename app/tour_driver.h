#pragma once
// Makes the real views show what a tour step explains: the step's file becomes current, its
// site is selected, the histogram shows the step's metric and the 3D view the step's vectors
// (x, y or r). A step naming a file that is not open leaves the file as it is.

#include <QObject>

#include "app/view_set.h"

namespace lngeom::app {

class DocumentList;
class TourPanel;

class TourDriver : public QObject {
  public:
    TourDriver(TourPanel* panel, DocumentList* documents, const ViewSet& views);

    void apply(int step);

  private:
    DocumentList* documents_;
    ViewSet views_;
};

}  // namespace lngeom::app
