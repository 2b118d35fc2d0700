#pragma once
// The distribution of one metric at the document's current site: bars re-binned from the kept
// per-token values (bins and range adjustable, counts linear or log), mean ± SD marked, an
// optional overlay (another site, or the module's output norm), and the linked selection
// stacked in its own colour. A left drag (or click) on the bars selects their tokens.

#include <QColor>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

#include "core/charts/histogram_range.h"
#include "core/columns/column_source.h"
#include "core/metrics/metrics.h"
#include "core/metrics/metrics_pass.h"
#include "core/metrics/statistics.h"
#include "widgets/charts/chart_view.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace lngeom::widgets {

class DocumentBinding;
class DumpDocument;
class ViewJobs;

// What is drawn over the site's bars as an outline: `metric` at `site` (nullopt: the current
// site).
struct HistogramOverlay {
    std::optional<SiteIndex> site;
    Metric metric = Metric::AngleToUniformDeg;

    bool operator==(const HistogramOverlay&) const = default;
};

struct HistogramSettings {
    Metric metric = Metric::AngleToUniformDeg;
    int bins = 80;
    std::optional<ValueRange> range;  // nullopt: default_histogram_range()
    bool logCounts = false;
    std::optional<HistogramOverlay> overlay;

    bool operator==(const HistogramSettings&) const = default;
};

class HistogramView : public QWidget {
    Q_OBJECT
  public:
    explicit HistogramView(QWidget* parent = nullptr);
    ~HistogramView() override;

    void setDocument(DumpDocument* document);
    DumpDocument* document() const;
    // A second dump whose histogram at the aligned site (same layer and norm) is drawn as an
    // outline over the same bins, its statistics beside the document's (nullptr: none).
    void setComparisonDocument(DumpDocument* document);
    // What the view says in place of its chart while it has no document (default: how to open
    // one).
    void setNoDocumentMessage(const QString& message);
    DumpDocument* comparisonDocument() const;
    // The site's bars and the comparison dump's outline (a comparison shows each dump in its
    // own colour).
    void setColours(const QColor& bars, const QColor& comparison);
    const QColor& barColour() const { return siteColour_; }
    const QColor& comparisonColour() const { return comparisonColour_; }
    // The comparison dump's site aligned with the current one; nullopt when there is none.
    std::optional<SiteIndex> comparisonSite() const;

    void setSettings(const HistogramSettings& settings);
    const HistogramSettings& settings() const { return settings_; }
    void setMetric(Metric metric);
    void setBins(int bins);
    void setRange(std::optional<ValueRange> range);
    void setLogCounts(bool logCounts);
    void setOverlay(std::optional<HistogramOverlay> overlay);

    // The range drawn now (the settings' or the default one).
    ValueRange effectiveRange() const;
    // The current site's histogram as drawn; nullopt before the metrics are ready.
    const std::optional<Histogram>& histogram() const { return drawn_.site; }
    // The selected tokens' histogram over the same bins; nullopt when nothing is selected.
    const std::optional<Histogram>& selectionHistogram() const { return drawn_.selected; }
    // Histograms are being computed from a large site's columns (off the GUI thread).
    bool isComputing() const;
    // Selects the tokens of every bin that [low, high] touches (clamped to the drawn range).
    void selectRange(double low, double high);
    ChartView* chartView() const { return chart_; }

  signals:
    void settingsChanged();
    // New histograms are drawn (after a change of data, settings or selection).
    void computed();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    // What is drawn, computed together from the columns.
    struct Histograms {
        std::optional<Histogram> site;
        std::optional<Histogram> overlay;
        std::optional<Histogram> comparison;
        std::optional<Histogram> selected;
        std::optional<Summary> selectedSummary;
    };
    struct Inputs;
    Inputs inputs() const;
    static Histograms compute(const Inputs& inputs, const std::atomic<bool>& cancel);
    static void computeSelection(const Inputs& inputs, Histograms& histograms,
                                 const std::atomic<bool>& cancel);
    void refreshSelection();
    void showFailure(const QString& message);

    void buildControls();
    void connectControls();
    void refresh();
    void redraw();
    void drawMeanAndSpread(double top);
    // Both return the highest outline they drew (0 for none).
    double drawOverlay();
    double drawComparison();
    QString comparisonText() const;
    void updateControls();
    void updateStatistics();
    void onBrushed(QPointF from, QPointF to);

    HistogramSettings settings_;
    std::unique_ptr<DocumentBinding> binding_;
    std::unique_ptr<DocumentBinding> comparison_;
    std::shared_ptr<const ColumnSource> columns_;  // the current site's, drawn in drawn_
    Histograms drawn_;
    QString failure_;
    ChartView* chart_;
    QComboBox* metricBox_;
    QSpinBox* binsBox_;
    QDoubleSpinBox* lowBox_;
    QDoubleSpinBox* highBox_;
    QPushButton* autoRange_;
    QCheckBox* logBox_;
    QComboBox* overlayBox_;
    QLabel* statistics_;
    QColor siteColour_{70, 110, 190};
    QColor comparisonColour_{40, 150, 90};
    bool updatingControls_ = false;
    // Last: their workers are joined before the rest goes.
    std::unique_ptr<ViewJobs> jobs_;
    std::unique_ptr<ViewJobs> selectionJobs_;
    std::unique_ptr<ViewJobs> brushJobs_;
};

}  // namespace lngeom::widgets
