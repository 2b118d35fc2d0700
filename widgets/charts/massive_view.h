#pragma once
// Massive activations over depth (Sun, Chen, Kolter & Liu, arXiv 2402.17762, their Fig. 2): per
// site in forward order, the peak |x| of the three highest-peaking dimensions and the median |x|
// on a log scale, with the flagging threshold max(A, R·median); below the chart, the current
// site's top dimensions with the token and position of each peak, the dump's LLM.int8() outlier
// features, the histogram of its tokens' top-1 energy share x_max²/‖x‖² and a button that puts
// its flagged tokens into the linked selection. The data come from the mergeable state of one
// statistics pass on the view's worker, started when the view is first shown
// (core/charts/massive_curves.h). Clicking a site makes it current.

#include <QWidget>

#include <vector>

#include <optional>

#include "core/charts/massive_curves.h"
#include "core/charts/site_alignment.h"
#include "core/metrics/statistics.h"
#include "widgets/charts/chart_view.h"
#include "widgets/document/deferred_view_job.h"
#include "widgets/document/view_jobs.h"

class QLabel;
class QDoubleSpinBox;
class QPushButton;

namespace lngeom::widgets {

class DumpDocument;

class MassiveView : public QWidget {
    Q_OBJECT
  public:
    explicit MassiveView(QWidget* parent = nullptr);
    ~MassiveView() override;

    void setDocument(DumpDocument* document);
    DumpDocument* document() const;

    // The thresholds A and R that flag a token (as `lngeom stats --massive-abs/--massive-ratio`);
    // setting them reads the state again.
    void setThresholds(const MassiveThresholds& thresholds);
    const MassiveThresholds& thresholds() const { return thresholds_; }

    // Gathers the reports now, on the calling thread (figures, tests); otherwise the view does
    // it on its worker once its document is ready and it is shown (deferred_view_job.h).
    // lngeom::Error from the dump.
    void computeNow();

    const std::vector<MassiveReport>& reports() const { return reports_; }
    const MassiveCurves& curves() const { return curves_; }
    const std::vector<Int8Outliers>& int8Outliers() const { return int8_; }
    // The current site's top-1 energy shares over [0, 1], once read.
    const std::optional<Histogram>& energyShares() const { return shares_; }
    const std::vector<AlignedSite>& rows() const { return rows_; }
    // The current site's top dimensions and what was flagged, in words.
    QString caption() const;
    ChartView* chartView() const { return chart_; }
    ChartView* sharesView() const { return sharesChart_; }
    QPushButton* selectButton() const { return select_; }

    // Replaces the linked selection by the current site's flagged tokens.
    void selectFlaggedTokens();

  signals:
    void reportsShown();
    void energySharesShown();

  private:
    void forgetReports();
    void showReports(MassiveSites sites);
    void redraw();
    QWidget* makeControls();
    void requestShares();
    void drawShares();
    QString int8Caption() const;

    DeferredViewJob<MassiveSites> job_;
    QString failure_;
    std::vector<AlignedSite> rows_;
    MassiveThresholds thresholds_;
    std::vector<MassiveReport> reports_;
    std::vector<Int8Outliers> int8_;
    MassiveCurves curves_;
    std::optional<Histogram> shares_;
    ViewJobs shareJobs_{this, "the energy-share histogram"};
    ViewJobs selectJobs_{this, "the flagged tokens"};
    ChartView* chart_;
    QLabel* caption_;
    QPushButton* select_;
    QDoubleSpinBox* absolute_;  // A
    QDoubleSpinBox* ratio_;     // R
    ChartView* sharesChart_;
};

// "no token is massive" or "12 massive tokens at 5 of 24 sites": the chart's finding in its
// title, so a figure says it too (short enough for a laptop's dock).
std::string massiveFinding(const MassiveCurves& curves);
// "max(100, 1000 × median |x|)" with the thresholds A and R: what the threshold curve shows, in
// the view's caption.
std::string massiveThreshold(const MassiveThresholds& thresholds);

}  // namespace lngeom::widgets
