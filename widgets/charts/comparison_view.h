#pragma once
// Two dumps side by side (say the LayerNorm and the RMSNorm sample): their curves over the
// aligned sites on one axis, and each dump's histogram at the aligned site with the other's
// outline over it. Metric, bins and range are shared; the comparison dump follows the
// document's current site through the alignment. When both dumps hold the same tokens (the same
// count and texts), a selection made in one is shown in the other. With one file open, the
// second histogram says how to open another.

#include <QMetaObject>
#include <QPointer>
#include <QWidget>

#include <vector>

#include "widgets/document/dump_document.h"

namespace lngeom::widgets {

class HistogramView;
class LayerCurvesView;

class ComparisonView : public QWidget {
    Q_OBJECT
  public:
    explicit ComparisonView(QWidget* parent = nullptr);

    void setDocument(DumpDocument* document);
    DumpDocument* document() const { return left_; }
    void setComparisonDocument(DumpDocument* document);
    DumpDocument* comparisonDocument() const { return right_; }

    LayerCurvesView* curves() const { return curves_; }
    HistogramView* histogram() const { return leftHistogram_; }
    HistogramView* comparisonHistogram() const { return rightHistogram_; }

  private:
    void connectDocuments();
    void followCurrentSite();
    void shareSettings(HistogramView* from, HistogramView* to);
    // Copies `from`'s selection into `to` whenever it changes, if they hold the same tokens.
    void mirrorSelection(DumpDocument* from, DumpDocument* to);

    QPointer<DumpDocument> left_;
    QPointer<DumpDocument> right_;
    QMetaObject::Connection siteConnection_;
    QMetaObject::Connection readyConnection_;
    std::vector<QMetaObject::Connection> selectionConnections_;
    LayerCurvesView* curves_;
    HistogramView* leftHistogram_;
    HistogramView* rightHistogram_;
};

}  // namespace lngeom::widgets
