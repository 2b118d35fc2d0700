#pragma once
// Massive activations over depth (Sun, Chen, Kolter & Liu, arXiv 2402.17762, their Fig. 2): per
// site in forward order, the peak |x| of the three highest-peaking dimensions and the median |x|
// on a log scale, with the flagging threshold max(A, R·median); below the chart, the current
// site's top dimensions with the token and position of each peak. The data come from the
// mergeable state of one statistics pass on the view's worker, started when the view is first
// shown (core/charts/massive_curves.h). Clicking a site makes it current.

#include <QWidget>

#include <memory>
#include <vector>

#include "core/charts/massive_curves.h"
#include "core/charts/site_alignment.h"
#include "widgets/charts/chart_view.h"
#include "widgets/document/latest_job_worker.h"

class QLabel;

namespace lngeom::widgets {

class DocumentBinding;
class DumpDocument;

class MassiveView : public QWidget {
    Q_OBJECT
  public:
    explicit MassiveView(QWidget* parent = nullptr);
    ~MassiveView() override;

    void setDocument(DumpDocument* document);
    DumpDocument* document() const;

    // Gathers the reports now, on the calling thread (figures, tests); otherwise the view does
    // it on its worker once its document is ready. lngeom::Error from the dump.
    void computeNow();

    const std::vector<MassiveReport>& reports() const { return reports_; }
    const MassiveCurves& curves() const { return curves_; }
    const std::vector<AlignedSite>& rows() const { return rows_; }
    // The current site's top dimensions and what was flagged, in words.
    QString caption() const;
    ChartView* chartView() const { return chart_; }

  signals:
    void reportsShown();

  protected:
    // A view never shown reads nothing: its job starts when it is first shown.
    void showEvent(QShowEvent* event) override;

  private:
    void refresh();
    void showReports(int generation, std::vector<MassiveReport> reports);
    void redraw();

    std::unique_ptr<DocumentBinding> binding_;
    LatestJobWorker worker_;
    int generation_ = 0;
    bool jobDue_ = false;  // ready, but not yet shown
    QString failure_;
    std::vector<AlignedSite> rows_;
    std::vector<MassiveReport> reports_;
    MassiveCurves curves_;
    ChartView* chart_;
    QLabel* caption_;
};

// "no token is massive (max |x| ≥ max(100, 1000 × median |x|))" or "12 massive tokens at 5 of
// 24 sites": the chart's finding in its title, so a figure says it too.
std::string massiveFinding(const MassiveCurves& curves);

}  // namespace lngeom::widgets
