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
#include "core/metrics/metric_values.h"
#include "core/tokens/token_ranges.h"
#include "widgets/charts/chart_brush.h"
#include "widgets/charts/chart_colour_bar.h"
#include "widgets/charts/chart_plots.h"
#include "widgets/charts/chart_view.h"
#include "widgets/document/document_binding.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"
#include "widgets/support/selection_colour.h"
#include "widgets/support/wrapping_row.h"

namespace lngeom::widgets {
namespace {

constexpr int kMaxBins = 1000;

// Every site's columns (kept alive) and the metric's values in them.
struct SiteValues {
    std::vector<std::shared_ptr<const SiteColumns>> kept;
    std::vector<std::span<const float>> values;
};

SiteValues siteValues(const DocumentBinding& binding, Metric metric) {
    SiteValues sites;
    if (!binding.isReady()) return sites;
    for (SiteIndex site = 0; site < binding.document()->info().sites.size(); ++site) {
        sites.kept.push_back(binding.columns(site));
        sites.values.push_back(sites.kept.back() ? metric_values(*sites.kept.back(), metric)
                                                 : std::span<const float>{});
    }
    return sites;
}

// White to the histogram view's blue: empty cells vanish into the background.
vtkSmartPointer<vtkColorTransferFunction> cellColours(double highest) {
    auto colours = vtkSmartPointer<vtkColorTransferFunction>::New();
    colours->AddRGBPoint(0.0, 1.0, 1.0, 1.0);
    colours->AddRGBPoint(highest * 0.5, 0.45, 0.6, 0.85);
    colours->AddRGBPoint(highest, 0.08, 0.18, 0.5);
    return colours;
}

}  // namespace

QColor heatmapCellColour(double value, double highest) {
    double rgb[3];
    cellColours(std::max(highest, 1e-12))->GetColor(value, rgb);
    return QColor::fromRgbF(float(rgb[0]), float(rgb[1]), float(rgb[2]));
}

LayerHeatmapView::LayerHeatmapView(QWidget* parent)
    : QWidget(parent),
      binding_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { refresh(); }, [this](QObject*) { redraw(); }})),
      chart_(new ChartView(this)) {
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

void LayerHeatmapView::refresh() {
    heatmap_.reset();
    const SiteValues sites = siteValues(*binding_, settings_.metric);
    if (!sites.values.empty()) {
        const ValueRange range =
            settings_.range.value_or(default_layer_range(settings_.metric, sites.values));
        heatmap_ = heatmap_bins(sites.values, range.low, range.high, settings_.bins);
    }
    const QSignalBlocker blockMetric(metricBox_), blockBins(binsBox_);
    metricBox_->setCurrentIndex(metricBox_->findData(int(settings_.metric)));
    binsBox_->setValue(settings_.bins);
    fractionsBox_->setChecked(settings_.rowFractions);
    redraw();
}

void LayerHeatmapView::redraw() {
    vtkChartXY* chart = chart_->chart();
    chart->ClearPlots();
    if (!heatmap_) {
        chart_->colourBar()->show(nullptr, {});
        chart->SetTitle("No metrics yet");
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
    const auto colours = cellColours(std::max(cells.maxCoeff(), 1e-12));
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
    const auto& tokens = binding_->document()->selection()->tokens();
    if (tokens.empty()) return;
    const SiteValues values = siteValues(*binding_, settings_.metric);
    const LayerCurve selected = layer_curve_of_tokens(values.values, tokens);
    addLine(chart, selected.mean, sites, {kSelectionColour, 2.5f, true})
        ->SetLegendVisibility(false);
}

void LayerHeatmapView::setSiteTicks() {
    chart_->setCategories(vtkAxis::LEFT, site_labels(binding_->document()->info().sites));
}

void LayerHeatmapView::selectCell(SiteIndex site, int bin) {
    if (!heatmap_ || bin < 0 || bin >= heatmap_->bins()) return;
    const auto columns = binding_->columns(site);  // nullptr for a site the dump lacks
    if (!columns) return;
    const Histogram edges(heatmap_->low, heatmap_->high, heatmap_->bins());
    const auto tokens = tokens_in_bins(metric_values(*columns, settings_.metric), edges, bin, bin);
    binding_->document()->setCurrentSite(site);
    binding_->document()->selection()->setTokens(tokens, this);
}

}  // namespace lngeom::widgets
