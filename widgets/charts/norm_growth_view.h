#pragma once
// Norm growth through depth (Xiong et al., arXiv 2002.04745): the mean ‖x‖ entering every norm
// site in forward order on a log scale, its median and its 1–99 % band, and, on the right axis,
// the relative update ‖x_{l+1} − x_l‖/‖x_l‖ arriving at a site from the previous site of its
// kind where both hold the same tokens (median and 10–90 % band over a bounded sample of rows,
// read on the view's worker). Clicking a site makes it the document's current site.

#include <QWidget>

#include <vector>

#include "core/charts/norm_growth_curve.h"
#include "core/charts/site_alignment.h"
#include "widgets/charts/chart_view.h"
#include "widgets/document/deferred_view_job.h"

class QLabel;

namespace lngeom::widgets {

class DumpDocument;

class NormGrowthView : public QWidget {
    Q_OBJECT
  public:
    explicit NormGrowthView(QWidget* parent = nullptr);
    ~NormGrowthView() override;

    void setDocument(DumpDocument* document);
    DumpDocument* document() const;

    // Reads the relative updates now, on the calling thread (figures, tests); otherwise the
    // view reads them on its worker once its document is ready and it is shown
    // (deferred_view_job.h). lngeom::Error from the dump.
    void computeNow();

    const NormGrowthCurve& curve() const { return curve_; }
    const std::vector<AlignedSite>& rows() const { return rows_; }
    // What the figure shows in words: the sampled tokens, and why a site has no update.
    QString caption() const;
    ChartView* chartView() const { return chart_; }

  signals:
    // The chart shows the relative updates (or that there are none).
    void updatesShown();

  private:
    void forgetUpdates();
    void showUpdates(const std::vector<UpdateSummary>& updates);
    void redraw();
    void drawNorms();
    void drawUpdates();

    DeferredViewJob<std::vector<UpdateSummary>> job_;
    bool updatesKnown_ = false;
    QString failure_;
    std::vector<AlignedSite> rows_;
    NormGrowthCurve curve_;
    ChartView* chart_;
    QLabel* caption_;
};

}  // namespace lngeom::widgets
