#pragma once
// Every site's histogram of one metric as a row of colour (site × value), so the whole model's
// profile is one picture; each site's mean and the selected tokens' mean drawn across it.
// Clicking a cell selects that site's tokens in that bin and makes the site current.

#include <vtkColorTransferFunction.h>
#include <vtkSmartPointer.h>
#include <QColor>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

#include "core/charts/histogram_range.h"
#include "core/charts/layer_curves.h"
#include "core/charts/layer_heatmap.h"
#include "core/metrics/metrics.h"
#include "widgets/charts/chart_view.h"

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace lngeom::widgets {

class DocumentBinding;
class DumpDocument;
class ViewJobs;

// The colours of cells from 0 to `highest`: white to dark blue (the input–output curve's
// density uses them too).
vtkSmartPointer<vtkColorTransferFunction> heatmapCellColours(double highest);
// The colour of a cell holding `value` when the largest cell holds `highest`.
QColor heatmapCellColour(double value, double highest);

struct LayerHeatmapSettings {
    Metric metric = Metric::AngleToUniformDeg;
    int bins = 60;
    std::optional<ValueRange> range;  // nullopt: the values of every site (angle: ⊇ 80–100°)
    bool rowFractions = true;         // colour by each site's fraction, not raw counts
};

class LayerHeatmapView : public QWidget {
    Q_OBJECT
  public:
    explicit LayerHeatmapView(QWidget* parent = nullptr);
    ~LayerHeatmapView() override;

    void setDocument(DumpDocument* document);
    DumpDocument* document() const;

    void setSettings(const LayerHeatmapSettings& settings);
    const LayerHeatmapSettings& settings() const { return settings_; }
    void setMetric(Metric metric);
    void setBins(int bins);

    // The counts drawn (sites × bins); nullopt before the metrics are ready.
    const std::optional<HeatmapBins>& bins() const { return heatmap_; }
    // What each cell is coloured by (sites × bins): the site's fractions or raw counts; empty
    // before the metrics are ready.
    Eigen::MatrixXd cellValues() const;
    // Selects the tokens of `site` in `bin` and makes `site` current.
    void selectCell(SiteIndex site, int bin);
    ChartView* chartView() const { return chart_; }
    // The heatmap or the selection's means are being computed off the GUI thread.
    bool isComputing() const;

  signals:
    void settingsChanged();
    // New cells or selection means are drawn.
    void computed();

  private:
    void buildControls();
    void refresh();
    void refreshSelection();
    void redraw();
    void drawCells();
    void drawMeans();
    void setSiteTicks();
    std::vector<std::shared_ptr<const ColumnSource>> siteColumns() const;

    LayerHeatmapSettings settings_;
    std::unique_ptr<DocumentBinding> binding_;
    std::optional<HeatmapBins> heatmap_;
    std::optional<LayerCurve> selectedMeans_;
    QString failure_;
    ChartView* chart_;
    QComboBox* metricBox_;
    QSpinBox* binsBox_;
    QCheckBox* fractionsBox_;
    // Last: their workers are joined before the rest goes.
    std::unique_ptr<ViewJobs> jobs_;
    std::unique_ptr<ViewJobs> selectionJobs_;
    std::unique_ptr<ViewJobs> cellJobs_;
};

}  // namespace lngeom::widgets
