#pragma once
// A metric's mean ± SD (and min/max band) at every site in forward order, like the paper's
// per-layer figures; the selected tokens' mean drawn as its own curve; optionally a second dump
// on the same axis, sites aligned by layer, with the difference of the means on the right axis.
// Clicking a site makes it the document's current site.

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

#include "core/charts/layer_curves.h"
#include "core/charts/site_alignment.h"
#include "core/metrics/metrics.h"
#include "widgets/charts/chart_view.h"

class QCheckBox;
class QComboBox;
class QLabel;

namespace lngeom::widgets {

class DocumentBinding;
class ViewJobs;
class DumpDocument;

struct LayerCurvesSettings {
    Metric metric = Metric::AngleToUniformDeg;
    bool showSpread = true;       // mean ± SD band
    bool showExtremes = true;     // min/max band
    bool showDifference = true;   // when comparing: right − left means on the right axis
    bool showCurrentSite = true;  // a dashed line at the current site
};

class LayerCurvesView : public QWidget {
    Q_OBJECT
  public:
    explicit LayerCurvesView(QWidget* parent = nullptr);
    ~LayerCurvesView() override;

    void setDocument(DumpDocument* document);
    DumpDocument* document() const;
    // A second dump drawn on the same axis (nullptr: none).
    void setComparisonDocument(DumpDocument* document);
    DumpDocument* comparisonDocument() const;

    void setSettings(const LayerCurvesSettings& settings);
    const LayerCurvesSettings& settings() const { return settings_; }
    void setMetric(Metric metric);

    // The sites along the x axis (x = row index) and the curves as drawn.
    const std::vector<AlignedSite>& rows() const { return rows_; }
    const LayerCurve& curve() const { return curve_; }
    const std::optional<LayerCurve>& comparisonCurve() const { return comparisonCurve_; }
    const std::optional<LayerCurve>& selectionCurve() const { return selectionCurve_; }
    ChartView* chartView() const { return chart_; }
    // The selection's curve is being computed off the GUI thread.
    bool isComputing() const;

  signals:
    void settingsChanged();
    // A new selection curve is drawn.
    void computed();

  private:
    void buildControls();
    void refresh();
    void redraw();
    void computeSelectionCurve();
    void drawBands(const LayerCurve& curve, const QColor& colour);
    void drawDifference();
    void drawCurrentSite(double low, double high);
    void setSiteTicks();
    void selectSiteAt(double x);

    LayerCurvesSettings settings_;
    std::unique_ptr<DocumentBinding> binding_;
    std::unique_ptr<DocumentBinding> comparison_;
    std::vector<AlignedSite> rows_;
    LayerCurve curve_;
    std::optional<LayerCurve> comparisonCurve_;
    std::optional<LayerCurve> selectionCurve_;
    ChartView* chart_;
    QComboBox* metricBox_;
    QCheckBox* spreadBox_;
    QCheckBox* extremesBox_;
    QLabel* legend_;
    std::unique_ptr<ViewJobs> selectionJobs_;  // last: its worker is joined before the rest goes
};

}  // namespace lngeom::widgets
