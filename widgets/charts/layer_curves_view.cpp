#include "widgets/charts/layer_curves_view.h"

#include <vtkAxis.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkPlotArea.h>
#include <vtkPlotLine.h>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/charts/curve_comparison.h"
#include "widgets/charts/chart_brush.h"
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

const QColor kLeftColour(70, 110, 190);
const QColor kRightColour(40, 150, 90);
const QColor kDifferenceColour(200, 120, 30);
const QColor kCurrentSiteColour(150, 150, 150);

QColor withAlpha(QColor colour, int alpha) {
    colour.setAlpha(alpha);
    return colour;
}

std::vector<double> rowPositions(std::size_t rows) {
    std::vector<double> xs(rows);
    std::iota(xs.begin(), xs.end(), 0.0);
    return xs;
}

// Lowest and highest finite value over several series.
std::pair<double, double> finiteExtent(std::initializer_list<const std::vector<double>*> series) {
    double low = INFINITY, high = -INFINITY;
    for (const auto* values : series)
        for (double value : *values)
            if (std::isfinite(value)) {
                low = std::min(low, value);
                high = std::max(high, value);
            }
    if (!(low <= high)) return {0.0, 1.0};
    const double pad = std::max((high - low) * 0.05, 1e-6);
    return {low - pad, high + pad};
}

void hideFromLegend(vtkPlot* plot) { plot->SetLegendVisibility(false); }

std::string documentName(const DocumentBinding& binding) {
    return binding.document()->displayName().toStdString();
}

}  // namespace

LayerCurvesView::LayerCurvesView(QWidget* parent)
    : QWidget(parent),
      binding_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { refresh(); },
                                           [this](QObject*) { computeSelectionCurve(); }})),
      comparison_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { refresh(); }, {}})),
      chart_(new ChartView(this)),
      selectionJobs_(std::make_unique<ViewJobs>(this, "the layer curves' selection")) {
    buildControls();
    binding_->showStateOver(chart_);
    connect(chart_, &ChartView::coloursChanged, this, &LayerCurvesView::redraw);
    auto* brush = new ChartBrush(chart_);
    connect(brush, &ChartBrush::brushed, this,
            [this](QPointF from, QPointF) { selectSiteAt(from.x()); });
    chart_->setToolTip(tr("Click a site to make it the current site of every view."));
    refresh();
}

LayerCurvesView::~LayerCurvesView() = default;

void LayerCurvesView::buildControls() {
    metricBox_ = new QComboBox;
    for (const MetricDescription& description : metric_descriptions())
        metricBox_->addItem(
            QString::fromUtf8(description.label.data(), qsizetype(description.label.size())),
            int(description.metric));
    spreadBox_ = new QCheckBox(tr("mean ± SD"));
    extremesBox_ = new QCheckBox(tr("min/max"));
    legend_ = new QLabel;
    legend_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    legend_->setWordWrap(true);
    auto* controls = new WrappingRow;
    controls->addGroup()->addWidget(metricBox_);
    QHBoxLayout* bands = controls->addGroup();
    bands->addWidget(spreadBox_);
    bands->addWidget(extremesBox_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(controls);
    layout->addWidget(chart_, 1);
    layout->addWidget(legend_);
    connect(metricBox_, &QComboBox::activated, this,
            [this] { setMetric(Metric(metricBox_->currentData().toInt())); });
    connect(spreadBox_, &QCheckBox::clicked, this, [this](bool on) {
        LayerCurvesSettings changed = settings_;
        changed.showSpread = on;
        setSettings(changed);
    });
    connect(extremesBox_, &QCheckBox::clicked, this, [this](bool on) {
        LayerCurvesSettings changed = settings_;
        changed.showExtremes = on;
        setSettings(changed);
    });
}

void LayerCurvesView::setDocument(DumpDocument* document) { binding_->setDocument(document); }

DumpDocument* LayerCurvesView::document() const { return binding_->document(); }

void LayerCurvesView::setComparisonDocument(DumpDocument* document) {
    comparison_->setDocument(document);
}

DumpDocument* LayerCurvesView::comparisonDocument() const { return comparison_->document(); }

void LayerCurvesView::setSettings(const LayerCurvesSettings& settings) {
    settings_ = settings;
    refresh();
    emit settingsChanged();
}

void LayerCurvesView::setMetric(Metric metric) {
    LayerCurvesSettings changed = settings_;
    changed.metric = metric;
    setSettings(changed);
}

void LayerCurvesView::refresh() {
    rows_.clear();
    comparisonCurve_.reset();
    selectionCurve_.reset();
    curve_ = {};
    if (binding_->isReady()) {
        const auto& left = binding_->document()->info().sites;
        const bool comparing = comparison_->isReady();
        rows_ = align_sites(
            left, comparing ? comparison_->document()->info().sites : std::vector<SiteInfo>{});
        curve_ = aligned_curve(
            layer_curve(binding_->document()->metrics().summaries(), settings_.metric), rows_,
            Side::Left);
        if (comparing)
            comparisonCurve_ = aligned_curve(
                layer_curve(comparison_->document()->metrics().summaries(), settings_.metric),
                rows_, Side::Right);
    }
    computeSelectionCurve();
    const QSignalBlocker blocker(metricBox_);
    metricBox_->setCurrentIndex(metricBox_->findData(int(settings_.metric)));
    spreadBox_->setChecked(settings_.showSpread);
    extremesBox_->setChecked(settings_.showExtremes);
    redraw();
}

bool LayerCurvesView::isComputing() const { return selectionJobs_->busy(); }

// The selection's moments at every aligned site, read from the columns (off the GUI thread for
// large sites); the curve drawn until then is the previous selection's.
void LayerCurvesView::computeSelectionCurve() {
    if (!binding_->isReady() || binding_->document()->selection()->isEmpty()) {
        selectionJobs_->cancel();
        selectionCurve_.reset();
        return redraw();
    }
    std::vector<std::shared_ptr<const ColumnSource>> sites;
    Index rows = 0;
    for (const AlignedSite& row : rows_) {
        sites.push_back(row.left ? binding_->columns(*row.left) : nullptr);
        rows += sites.back() ? sites.back()->n_tokens() : 0;
    }
    selectionJobs_->run<LayerCurve>(
        rows,
        [sites = std::move(sites), metric = settings_.metric,
         selection =
             binding_->document()->selection()->snapshot()](const std::atomic<bool>& cancel) {
            return layer_curve_of_tokens(sites, metric, *selection, &cancel);
        },
        [this](LayerCurve curve) {
            selectionCurve_ = std::move(curve);
            redraw();
            emit computed();
        });
}

void LayerCurvesView::redraw() {
    vtkChartXY* chart = chart_->chart();
    chart->ClearPlots();
    if (rows_.empty()) {
        chart->SetTitle("No metrics yet");
        chart_->requestRender();
        return;
    }
    const std::string label(describe(settings_.metric).label);
    drawBands(curve_, kLeftColour);
    if (comparisonCurve_) drawBands(*comparisonCurve_, kRightColour);
    addLine(chart, rowPositions(rows_.size()), curve_.mean, {kLeftColour, 2.5f, false})
        ->SetLabel(documentName(*binding_) + " mean");
    if (comparisonCurve_)
        addLine(chart, rowPositions(rows_.size()), comparisonCurve_->mean,
                {kRightColour, 2.5f, false})
            ->SetLabel(documentName(*comparison_) + " mean");
    if (selectionCurve_)
        addLine(chart, rowPositions(rows_.size()), selectionCurve_->mean,
                {kSelectionColour, 2.5f, true})
            ->SetLabel("selection mean");
    const auto [low, high] =
        finiteExtent({&curve_.min, &curve_.max, &curve_.mean,
                      comparisonCurve_ ? &comparisonCurve_->min : &curve_.min,
                      comparisonCurve_ ? &comparisonCurve_->max : &curve_.max});
    if (settings_.showCurrentSite) drawCurrentSite(low, high);
    drawDifference();
    chart->SetTitle(label + " over the sites");
    chart->SetShowLegend(true);
    chart->GetLegend()->SetHorizontalAlignment(vtkChartLegend::RIGHT);
    chart->GetLegend()->SetVerticalAlignment(vtkChartLegend::TOP);
    setFixedAxis(chart->GetAxis(vtkAxis::LEFT), label, low, high);
    setFixedAxis(chart->GetAxis(vtkAxis::BOTTOM), "site (layer·norm)", -0.5,
                 double(rows_.size()) - 0.5);
    setSiteTicks();
    chart_->requestRender();
}

// Bands go under every line, so each dump's mean stays visible over the other's bands.
void LayerCurvesView::drawBands(const LayerCurve& curve, const QColor& colour) {
    vtkChartXY* chart = chart_->chart();
    const auto xs = rowPositions(curve.size());
    if (settings_.showExtremes)
        hideFromLegend(addBand(chart, xs, curve.min, curve.max, withAlpha(colour, 30)));
    if (!settings_.showSpread) return;
    std::vector<double> lower, upper;
    for (std::size_t row = 0; row < curve.size(); ++row) {
        lower.push_back(curve.mean[row] - curve.std[row]);
        upper.push_back(curve.mean[row] + curve.std[row]);
    }
    hideFromLegend(addBand(chart, xs, lower, upper, withAlpha(colour, 70)));
}

void LayerCurvesView::drawDifference() {
    vtkAxis* right = chart_->chart()->GetAxis(vtkAxis::RIGHT);
    legend_->clear();
    if (!comparisonCurve_ || !settings_.showDifference) {
        right->SetVisible(false);
        return;
    }
    const auto differences = mean_differences(curve_, *comparisonCurve_);
    vtkPlot* plot = addLine(chart_->chart(), rowPositions(rows_.size()), differences,
                            {kDifferenceColour, 2.0f, true});
    plot->SetLabel("difference of means");
    chart_->chart()->SetPlotCorner(plot, 1);
    const auto [low, high] = finiteExtent({&differences});
    setFixedAxis(right, "difference of means (compared − this)", low, high);
    right->SetVisible(true);
    const auto largest =
        std::max_element(differences.begin(), differences.end(), [](double a, double b) {
            return std::isnan(a) || (!std::isnan(b) && std::abs(a) < std::abs(b));
        });
    QString text = tr("Dashed, right axis: the mean of %1 minus the mean of %2 at each site")
                       .arg(QString::fromStdString(documentName(*comparison_)),
                            QString::fromStdString(documentName(*binding_)));
    if (largest != differences.end() && std::isfinite(*largest))
        text += tr("; the largest, %1, at site %2")
                    .arg(*largest, 0, 'g', 4)
                    .arg(QString::fromStdString(
                        rows_[std::size_t(largest - differences.begin())].label));
    legend_->setText(text + '.');
}

void LayerCurvesView::drawCurrentSite(double low, double high) {
    const SiteIndex current = binding_->document()->currentSite();
    for (std::size_t row = 0; row < rows_.size(); ++row)
        if (rows_[row].left == current) {
            const double xs[] = {double(row), double(row)};
            const double ys[] = {low, high};
            hideFromLegend(addLine(chart_->chart(), xs, ys, {kCurrentSiteColour, 1.5f, true}));
        }
}

void LayerCurvesView::setSiteTicks() {
    std::vector<std::string> labels;
    for (const AlignedSite& row : rows_) labels.push_back(row.label);
    chart_->setCategories(vtkAxis::BOTTOM, std::move(labels));
}

void LayerCurvesView::selectSiteAt(double x) {
    const long row = std::lround(x);
    if (row < 0 || row >= long(rows_.size()) || !rows_[std::size_t(row)].left) return;
    binding_->document()->setCurrentSite(*rows_[std::size_t(row)].left);
    if (comparison_->isReady() && rows_[std::size_t(row)].right)
        comparison_->document()->setCurrentSite(*rows_[std::size_t(row)].right);
}

}  // namespace lngeom::widgets
