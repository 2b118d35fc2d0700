#pragma once
// Makes the real views show what a tour step explains: the step's file becomes current, its
// site is selected and the histogram shows the step's metric. A step naming a file that is not
// open leaves the file as it is.

#include <QObject>

namespace lngeom::widgets {
class HistogramView;
}

namespace lngeom::app {

class DocumentList;
class TourPanel;

class TourDriver : public QObject {
  public:
    TourDriver(TourPanel* panel, DocumentList* documents, widgets::HistogramView* histogram);

    void apply(int step);

  private:
    DocumentList* documents_;
    widgets::HistogramView* histogram_;
};

}  // namespace lngeom::app
