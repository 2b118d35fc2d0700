#include "widgets/charts/layer_heatmap_view.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkColorTransferFunction.h>
#include <vtkImageData.h>
#include <vtkPlotHistogram2D.h>
#include <vtkPlotLine.h>
#include <vtkPointData.h>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <numeric>

#include "core/charts/layer_curves.h"
#include "core/charts/site_labels.h"
#include "core/columns/column_statistics.h"
#include "widgets/charts/chart_brush.h"
#include "widgets/charts/chart_colour_bar.h"
#include "widgets/charts/chart_plots.h"
#include "widgets/charts/chart_view.h"
#include "widgets/document/document_binding.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"
#include "widgets/document/view_jobs.h"
#include "widgets/support/selection_colour.h"
#include "widgets/support/wrapping_row.h"

namespace lngeom::widgets {
namespace {

constexpr int kMaxBins = 1000;

}  // namespace

// White to the histogram view's blue: empty cells vanish into the background.
vtkSmartPointer<vtkColorTransferFunction> heatmapCellColours(double highest) {
    auto colours = vtkSmartPointer<vtkColorTransferFunction>::New();
    colours->AddRGBPoint(0.0, 1.0, 1.0, 1.0);
    colours->AddRGBPoint(highest * 0.5, 0.45, 0.6, 0.85);
    colours->AddRGBPoint(highest, 0.08, 0.18, 0.5);
    return colours;
}

QColor heatmapCellColour(double value, double highest) {
    double rgb[3];
    heatmapCellColours(std::max(highest, 1e-12))->GetColor(value, rgb);
    return QColor::fromRgbF(float(rgb[0]), float(rgb[1]), float(rgb[2]));
}

LayerHeatmapView::LayerHeatmapView(QWidget* parent)
    : QWidget(parent),
      binding_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { refresh(); },
                                           [this](QObject*) { refreshSelection(); }})),
      chart_(new ChartView(this)),
      jobs_(std::make_unique<ViewJobs>(this, "the layer heatmap")),
      selectionJobs_(std::make_unique<ViewJobs>(this, "the layer heatmap's selection")),
      cellJobs_(std::make_unique<ViewJobs>(this, "the layer heatmap's cell")) {
    // Every site is drawn already: a change of the current site changes nothing here.
    binding_->setSiteChanged([] {});
    buildControls();
    binding_->showStateOver(chart_);
    connect(chart_, &ChartView::coloursChanged, this, &LayerHeatmapView::redraw);
    auto* brush = new ChartBrush(chart_);
    connect(brush, &ChartBrush::brushed, this, [this](QPointF from, QPointF) {
        if (!heatmap_ || from.x() < heatmap_->low || from.x() > heatmap_->high) return;
        const int bin =
            std::min(int((from.x() - heatmap_->low) / heatmap_->bin_width()), heatmap_->bins() - 1);
        const long row = std::lround(from.y());  // the chart's rows are the sites
        if (row >= 0) selectCell(SiteIndex(row), bin);
    });
    chart_->setToolTip(tr("Click a cell to select that site's tokens in that bin."));
    refresh();
}

LayerHeatmapView::~LayerHeatmapView() = default;

void LayerHeatmapView::buildControls() {
    metricBox_ = new QComboBox;
    for (const MetricDescription& description : metric_descriptions())
        metricBox_->addItem(
            QString::fromUtf8(description.label.data(), qsizetype(description.label.size())),
            int(description.metric));
    binsBox_ = new QSpinBox;
    binsBox_->setRange(1, kMaxBins);
    binsBox_->setPrefix(tr("bins "));
    fractionsBox_ = new QCheckBox(tr("fraction of each site"));
    auto* controls = new WrappingRow;
    controls->addGroup()->addWidget(metricBox_);
    QHBoxLayout* binning = controls->addGroup();
    binning->addWidget(binsBox_);
    binning->addWidget(fractionsBox_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(controls);
    layout->addWidget(chart_, 1);
    connect(metricBox_, &QComboBox::activated, this,
            [this] { setMetric(Metric(metricBox_->currentData().toInt())); });
    connect(binsBox_, &QSpinBox::valueChanged, this, [this](int bins) {
        if (bins != settings_.bins) setBins(bins);
    });
    connect(fractionsBox_, &QCheckBox::clicked, this, [this](bool on) {
        LayerHeatmapSettings changed = settings_;
        changed.rowFractions = on;
        setSettings(changed);
    });
}

void LayerHeatmapView::setDocument(DumpDocument* document) { binding_->setDocument(document); }

DumpDocument* LayerHeatmapView::document() const { return binding_->document(); }

void LayerHeatmapView::setSettings(const LayerHeatmapSettings& settings) {
    settings_ = settings;
    settings_.bins = std::clamp(settings_.bins, 1, kMaxBins);
    refresh();
    emit settingsChanged();
}

void LayerHeatmapView::setMetric(Metric metric) {
    LayerHeatmapSettings changed = settings_;
    changed.metric = metric;
    changed.range.reset();
    setSettings(changed);
}

void LayerHeatmapView::setBins(int bins) {
    LayerHeatmapSettings changed = settings_;
    changed.bins = bins;
    setSettings(changed);
}

std::vector<std::shared_ptr<const ColumnSource>> LayerHeatmapView::siteColumns() const {
    std::vector<std::shared_ptr<const ColumnSource>> sites;
    if (!binding_->isReady()) return sites;
    for (SiteIndex site = 0; site < binding_->document()->info().sites.size(); ++site)
        sites.push_back(binding_->columns(site));
    return sites;
}

namespace {

Index rowsOf(const std::vector<std::shared_ptr<const ColumnSource>>& sites) {
    Index rows = 0;
    for (const auto& site : sites) rows += site ? site->n_tokens() : 0;
    return rows;
}

// The selection's mean at every site; nullopt without a selection.
std::optional<LayerCurve> selectionMeans(
    const std::vector<std::shared_ptr<const ColumnSource>>& sites, Metric metric,
    const std::shared_ptr<const TokenSet>& selection, const std::atomic<bool>& cancel) {
    if (!selection || selection->empty()) return std::nullopt;
    return layer_curve_of_tokens(sites, metric, *selection, &cancel);
}

}  // namespace

bool LayerHeatmapView::isComputing() const { return jobs_->busy() || selectionJobs_->busy(); }

void LayerHeatmapView::refresh() {
    const QSignalBlocker blockMetric(metricBox_), blockBins(binsBox_);
    metricBox_->setCurrentIndex(metricBox_->findData(int(settings_.metric)));
    binsBox_->setValue(settings_.bins);
    fractionsBox_->setChecked(settings_.rowFractions);
    selectionJobs_->cancel();
    auto sites = siteColumns();
    if (sites.empty()) {
        jobs_->cancel();
        heatmap_.reset();
        selectedMeans_.reset();
        return redraw();
    }
    const ValueRange range = settings_.range.value_or(
        default_layer_range(settings_.metric, binding_->document()->metrics().summaries()));
    using Result = std::pair<HeatmapBins, std::optional<LayerCurve>>;
    const Index rows = rowsOf(sites);
    jobs_->run<Result>(
        rows,
        [sites = std::move(sites), metric = settings_.metric, range, bins = settings_.bins,
         selection =
             binding_->document()->selection()->snapshot()](const std::atomic<bool>& cancel) {
            return Result{heatmap_bins(sites, metric, range.low, range.high, bins, &cancel),
                          selectionMeans(sites, metric, selection, cancel)};
        },
        [this](Result result) {
            heatmap_ = std::move(result.first);
            selectedMeans_ = std::move(result.second);
            failure_.clear();
            redraw();
            emit computed();
        },
        [this](const QString& message) {
            failure_ = message;
            heatmap_.reset();
            redraw();
        });
    if (jobs_->busy()) redraw();
}

void LayerHeatmapView::refreshSelection() {
    if (jobs_->busy() || !heatmap_) return;  // the running refresh takes the selection too
    auto sites = siteColumns();
    auto selection = binding_->document()->selection()->snapshot();
    const Index rows = selection->empty() ? 0 : rowsOf(sites);
    selectionJobs_->run<std::optional<LayerCurve>>(
        rows,
        [sites = std::move(sites), metric = settings_.metric,
         selection = std::move(selection)](const std::atomic<bool>& cancel) {
            return selectionMeans(sites, metric, selection, cancel);
        },
        [this](std::optional<LayerCurve> means) {
            selectedMeans_ = std::move(means);
            redraw();
            emit computed();
        });
}

void LayerHeatmapView::redraw() {
    vtkChartXY* chart = chart_->chart();
    chart->ClearPlots();
    if (!heatmap_) {
        chart_->colourBar()->show(nullptr, {});
        chart->SetTitle(!failure_.isEmpty() ? failure_.toStdString()
                        : jobs_->busy()     ? "Computing the heatmap…"
                                            : "No metrics yet");
        chart_->requestRender();
        return;
    }
    drawCells();
    drawMeans();
    const std::string label(describe(settings_.metric).label);
    chart->SetTitle(
        label + (settings_.rowFractions ? ": fraction of each site's tokens" : ": tokens per bin"));
    setFixedAxis(chart->GetAxis(vtkAxis::BOTTOM), label, heatmap_->low, heatmap_->high);
    setFixedAxis(chart->GetAxis(vtkAxis::LEFT), "site", -0.5,
                 double(heatmap_->counts.rows()) - 0.5);
    setSiteTicks();
    chart_->requestRender();
}

Eigen::MatrixXd LayerHeatmapView::cellValues() const {
    if (!heatmap_) return {};
    return settings_.rowFractions ? row_fractions(heatmap_->counts)
                                  : Eigen::MatrixXd(heatmap_->counts.cast<double>());
}

void LayerHeatmapView::drawCells() {
    const Eigen::MatrixXd cells = cellValues();
    vtkNew<vtkImageData> image;
    image->SetDimensions(heatmap_->bins(), int(cells.rows()), 1);
    image->SetOrigin(heatmap_->low, -0.5, 0.0);
    image->SetSpacing(heatmap_->bin_width(), 1.0, 1.0);
    image->AllocateScalars(VTK_DOUBLE, 1);
    auto* scalars = static_cast<double*>(image->GetScalarPointer());
    for (Index site = 0; site < cells.rows(); ++site)
        for (Index bin = 0; bin < cells.cols(); ++bin)
            scalars[site * cells.cols() + bin] = cells(site, bin);
    vtkNew<vtkPlotHistogram2D> plot;
    plot->SetInputData(image);
    const auto colours = heatmapCellColours(std::max(cells.maxCoeff(), 1e-12));
    plot->SetTransferFunction(colours);
    chart_->colourBar()->show(
        colours, settings_.rowFractions ? "fraction of the site's tokens" : "tokens in the bin");
    plot->SetLegendVisibility(false);
    chart_->chart()->AddPlot(plot);
}

void LayerHeatmapView::drawMeans() {
    const auto& summaries = binding_->document()->metrics().summaries();
    std::vector<double> sites(summaries.size());
    std::iota(sites.begin(), sites.end(), 0.0);
    vtkChartXY* chart = chart_->chart();
    const LayerCurve whole = layer_curve(summaries, settings_.metric);
    addLine(chart, whole.mean, sites, {chart_->foreground(), 2.0f, false})
        ->SetLegendVisibility(false);
    if (!selectedMeans_) return;
    addLine(chart, selectedMeans_->mean, sites, {kSelectionColour, 2.5f, true})
        ->SetLegendVisibility(false);
}

void LayerHeatmapView::setSiteTicks() {
    chart_->setCategories(vtkAxis::LEFT, site_labels(binding_->document()->info().sites));
}

void LayerHeatmapView::selectCell(SiteIndex site, int bin) {
    if (!heatmap_ || bin < 0 || bin >= heatmap_->bins()) return;
    const auto columns = binding_->columns(site);  // nullptr for a site the dump lacks
    if (!columns || !columns->has(settings_.metric)) return;
    const Histogram edges(heatmap_->low, heatmap_->high, heatmap_->bins());
    cellJobs_->run<TokenSet>(
        columns->n_tokens(),
        [columns, metric = settings_.metric, edges, bin](const std::atomic<bool>& cancel) {
            return column_tokens_in_bins(*columns, metric, edges, bin, bin, &cancel);
        },
        [this, site, document = QPointer<DumpDocument>(binding_->document())](TokenSet tokens) {
            if (!document || document != binding_->document()) return;
            document->setCurrentSite(site);
            document->selection()->setSet(std::move(tokens), this);
        });
}

}  // namespace lngeom::widgets
