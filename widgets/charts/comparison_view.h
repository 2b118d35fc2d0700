#pragma once
// Two dumps side by side (say the LayerNorm and the RMSNorm sample): their curves over the
// aligned sites on one axis, and each dump's histogram at the aligned site with the other's
// outline over it. Metric, bins and range are shared; the comparison dump follows the
// document's current site through the alignment.

#include <QMetaObject>
#include <QPointer>
#include <QWidget>

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

    QPointer<DumpDocument> left_;
    QPointer<DumpDocument> right_;
    QMetaObject::Connection siteConnection_;
    QMetaObject::Connection readyConnection_;
    LayerCurvesView* curves_;
    HistogramView* leftHistogram_;
    HistogramView* rightHistogram_;
};

}  // namespace lngeom::widgets
