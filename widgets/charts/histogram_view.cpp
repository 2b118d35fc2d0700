#include "widgets/charts/histogram_view.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "core/charts/histogram_bars.h"
#include "core/charts/site_alignment.h"
#include "core/charts/site_labels.h"
#include "core/metrics/metric_values.h"
#include "core/tokens/selection_statistics.h"
#include "core/tokens/token_ranges.h"
#include "widgets/charts/chart_brush.h"
#include "widgets/charts/chart_plots.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/histogram_tooltip.h"
#include "widgets/charts/statistics_text.h"
#include "widgets/document/document_binding.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"
#include "widgets/support/selection_colour.h"
#include "widgets/support/wrapping_row.h"

namespace lngeom::widgets {
namespace {

const QColor kOverlayColour(170, 30, 60);
constexpr int kMaxBins = 2000;
// Overlay box entries that are not a site (a site's entry holds its index: the box's data is a
// Qt int).
constexpr int kNoOverlay = -2;
constexpr int kOutputOverlay = -1;

QString siteName(const DumpDocument& document, SiteIndex site) {
    return QString::fromStdString(site_label(document.info().sites[site]));
}

}  // namespace

HistogramView::HistogramView(QWidget* parent)
    : QWidget(parent),
      binding_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { refresh(); }, [this](QObject*) { redraw(); }})),
      comparison_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { redraw(); }, {}})),
      chart_(new ChartView(this)) {
    buildControls();
    binding_->showStateOver(chart_);
    connect(chart_, &ChartView::coloursChanged, this, &HistogramView::redraw);
    auto* brush = new ChartBrush(chart_);
    connect(brush, &ChartBrush::brushed, this, &HistogramView::onBrushed);
    connect(brush, &ChartBrush::clickedOutside, this, [this] {
        if (binding_->isReady()) binding_->document()->selection()->clear(this);
    });
    chart_->installEventFilter(this);
    refresh();
}

HistogramView::~HistogramView() = default;

// Over a bar: its bin and count; elsewhere: what the mouse does. Hidden as the mouse leaves, so
// it never lingers over another widget or a dialog.
bool HistogramView::eventFilter(QObject* watched, QEvent* event) {
    if (watched != chart_) return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::Leave) QToolTip::hideText();
    if (event->type() != QEvent::ToolTip) return QWidget::eventFilter(watched, event);
    const auto* help = static_cast<QHelpEvent*>(event);
    QString text;
    if (histogram_) {
        const MetricDescription& description = describe(settings_.metric);
        text = binTooltip(*histogram_, selected_ ? &*selected_ : nullptr,
                          chartDataPoint(*chart_, help->pos()).x(),
                          QString::fromUtf8(description.label.data(), description.label.size()));
    }
    if (text.isEmpty())
        text =
            tr("Drag or click on the bars to select their tokens in every view; click outside "
               "the plot to clear the selection. Wheel: zoom.");
    QToolTip::showText(help->globalPos(), text, chart_);
    return true;
}

void HistogramView::buildControls() {
    metricBox_ = new QComboBox;
    for (const MetricDescription& description : metric_descriptions()) {
        metricBox_->addItem(QString::fromUtf8(description.label.data(), description.label.size()),
                            int(description.metric));
        metricBox_->setItemData(
            metricBox_->count() - 1,
            QString::fromUtf8(description.definition.data(), description.definition.size()),
            Qt::ToolTipRole);
    }
    binsBox_ = new QSpinBox;
    binsBox_->setRange(1, kMaxBins);
    binsBox_->setPrefix(tr("bins "));
    lowBox_ = new QDoubleSpinBox;
    highBox_ = new QDoubleSpinBox;
    for (QDoubleSpinBox* box : {lowBox_, highBox_}) {
        box->setRange(-1e12, 1e12);
        box->setDecimals(3);
        box->setKeyboardTracking(false);
    }
    autoRange_ = new QPushButton(tr("Auto range"));
    logBox_ = new QCheckBox(tr("log counts"));
    overlayBox_ = new QComboBox;
    statistics_ = new QLabel;
    statistics_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statistics_->setWordWrap(true);

    auto* controls = new WrappingRow;
    controls->addGroup()->addWidget(metricBox_);
    QHBoxLayout* binning = controls->addGroup();
    for (QWidget* widget : std::initializer_list<QWidget*>{binsBox_, new QLabel(tr("range")),
                                                           lowBox_, highBox_, autoRange_})
        binning->addWidget(widget);
    QHBoxLayout* drawing = controls->addGroup();
    drawing->addWidget(logBox_);
    drawing->addWidget(overlayBox_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(controls);
    layout->addWidget(chart_, 1);
    layout->addWidget(statistics_);

    connectControls();
}

void HistogramView::connectControls() {
    connect(metricBox_, &QComboBox::activated, this,
            [this] { setMetric(Metric(metricBox_->currentData().toInt())); });
    connect(binsBox_, &QSpinBox::valueChanged, this, [this](int bins) {
        if (!updatingControls_) setBins(bins);
    });
    const auto rangeEdited = [this] {
        if (!updatingControls_ && lowBox_->value() < highBox_->value())
            setRange(ValueRange{lowBox_->value(), highBox_->value()});
    };
    connect(lowBox_, &QDoubleSpinBox::valueChanged, this, rangeEdited);
    connect(highBox_, &QDoubleSpinBox::valueChanged, this, rangeEdited);
    connect(autoRange_, &QPushButton::clicked, this, [this] { setRange(std::nullopt); });
    connect(logBox_, &QCheckBox::toggled, this, [this](bool on) {
        if (!updatingControls_) setLogCounts(on);
    });
    connect(overlayBox_, &QComboBox::activated, this, [this] {
        const int choice = overlayBox_->currentData().toInt();
        if (choice == kNoOverlay) return setOverlay(std::nullopt);
        if (choice == kOutputOverlay)
            return setOverlay(HistogramOverlay{std::nullopt, Metric::OutputNorm});
        setOverlay(HistogramOverlay{SiteIndex(choice), settings_.metric});
    });
}

void HistogramView::setDocument(DumpDocument* document) { binding_->setDocument(document); }

void HistogramView::setNoDocumentMessage(const QString& message) {
    binding_->showStateOver(chart_, message);
}

DumpDocument* HistogramView::document() const { return binding_->document(); }

void HistogramView::setComparisonDocument(DumpDocument* document) {
    comparison_->setDocument(document);
}

DumpDocument* HistogramView::comparisonDocument() const { return comparison_->document(); }

void HistogramView::setColours(const QColor& bars, const QColor& comparison) {
    siteColour_ = bars;
    comparisonColour_ = comparison;
    redraw();
}

std::optional<SiteIndex> HistogramView::comparisonSite() const {
    if (!binding_->isReady() || !comparison_->isReady()) return std::nullopt;
    const SiteIndex current = binding_->document()->currentSite();
    for (const AlignedSite& row :
         align_sites(binding_->document()->info().sites, comparison_->document()->info().sites))
        if (row.left == current) return row.right;
    return std::nullopt;
}

void HistogramView::setSettings(const HistogramSettings& settings) {
    settings_ = settings;
    settings_.bins = std::clamp(settings_.bins, 1, kMaxBins);
    refresh();
    emit settingsChanged();
}

void HistogramView::setMetric(Metric metric) {
    HistogramSettings changed = settings_;
    changed.metric = metric;
    changed.range.reset();
    if (changed.overlay && changed.overlay->site) changed.overlay->metric = metric;
    setSettings(changed);
}

void HistogramView::setBins(int bins) {
    HistogramSettings changed = settings_;
    changed.bins = bins;
    setSettings(changed);
}

void HistogramView::setRange(std::optional<ValueRange> range) {
    HistogramSettings changed = settings_;
    changed.range = range;
    setSettings(changed);
}

void HistogramView::setLogCounts(bool logCounts) {
    HistogramSettings changed = settings_;
    changed.logCounts = logCounts;
    setSettings(changed);
}

void HistogramView::setOverlay(std::optional<HistogramOverlay> overlay) {
    HistogramSettings changed = settings_;
    changed.overlay = overlay;
    setSettings(changed);
}

namespace {

// The default range of `metric` at `site` of a ready document's metrics.
ValueRange siteDefaultRange(const DumpDocument& document, SiteIndex site, Metric metric) {
    const auto& summaries = document.metrics().summaries()[site].metrics;
    const auto column = std::size_t(column_of(metric));
    return default_histogram_range(metric,
                                   column < summaries.size() ? summaries[column] : Summary{});
}

}  // namespace

// With a comparison dump, the default range holds both dumps' data, so the two share bins.
ValueRange HistogramView::effectiveRange() const {
    if (settings_.range) return *settings_.range;
    if (!binding_->isReady()) return default_histogram_range(settings_.metric, Summary{});
    const ValueRange own = siteDefaultRange(*binding_->document(),
                                            binding_->document()->currentSite(), settings_.metric);
    const std::optional<SiteIndex> other = comparisonSite();
    if (!other) return own;
    return enclosing_range(own,
                           siteDefaultRange(*comparison_->document(), *other, settings_.metric));
}

std::span<const float> HistogramView::currentValues() const {
    return columns_ ? metric_values(*columns_, settings_.metric) : std::span<const float>{};
}

void HistogramView::refresh() {
    columns_ =
        binding_->isReady() ? binding_->columns(binding_->document()->currentSite()) : nullptr;
    histogram_.reset();
    const ValueRange range = effectiveRange();
    if (columns_ && !currentValues().empty())
        histogram_ = histogram_of(currentValues(), range.low, range.high, settings_.bins);
    updateControls();
    redraw();
}

void HistogramView::updateControls() {
    updatingControls_ = true;
    metricBox_->setCurrentIndex(metricBox_->findData(int(settings_.metric)));
    binsBox_->setValue(settings_.bins);
    const ValueRange range = effectiveRange();
    lowBox_->setValue(range.low);
    highBox_->setValue(range.high);
    logBox_->setChecked(settings_.logCounts);
    overlayBox_->clear();
    overlayBox_->addItem(tr("No overlay"), kNoOverlay);
    if (binding_->isReady()) {
        const auto& sites = binding_->document()->info().sites;
        const bool hasOutput = sites[binding_->document()->currentSite()].has_output;
        if (hasOutput && settings_.metric == Metric::Norm)
            overlayBox_->addItem(tr("Overlay: output norm"), kOutputOverlay);
        for (SiteIndex site = 0; site < sites.size(); ++site)
            overlayBox_->addItem(tr("Overlay: site %1").arg(siteName(*binding_->document(), site)),
                                 int(site));
        auto* items = qobject_cast<QStandardItemModel*>(metricBox_->model());
        for (int row = 0; row < metricBox_->count(); ++row)
            items->item(row)->setEnabled(hasOutput || !describe(Metric(row)).needs_output);
    }
    const int overlayData = !settings_.overlay         ? kNoOverlay
                            : !settings_.overlay->site ? kOutputOverlay
                                                       : int(*settings_.overlay->site);
    overlayBox_->setCurrentIndex(std::max(overlayBox_->findData(overlayData), 0));
    updatingControls_ = false;
}

void HistogramView::redraw() {
    vtkChartXY* chart = chart_->chart();
    chart->ClearPlots();
    selected_.reset();
    selectedSummary_.reset();
    const auto& tokens =
        binding_->isReady() ? binding_->document()->selection()->tokens() : std::vector<Index>{};
    if (histogram_ && !tokens.empty()) {
        selected_ = histogram_of_tokens(currentValues(), tokens, histogram_->low, histogram_->high,
                                        settings_.bins);
        selectedSummary_ = summarize_tokens(currentValues(), tokens);
    }
    updateStatistics();
    if (!histogram_) {
        chart->SetTitle(binding_->isReady() ? "This site has no such metric" : "No metrics yet");
        chart_->requestRender();
        return;
    }
    const HistogramBars bars =
        histogram_bars(*histogram_, selected_ ? &*selected_ : nullptr, settings_.logCounts);
    addStackedBars(chart,
                   {bars.edges, {bars.selected, bars.rest}, {kSelectionColour, siteColour_}});
    double top = std::max(drawOverlay(), drawComparison());
    for (std::size_t bin = 0; bin < bars.rest.size(); ++bin)
        top = std::max(top, bars.selected[bin] + bars.rest[bin]);
    top = top > 0 ? top * 1.08 : 1.0;
    drawMeanAndSpread(top);
    const auto& description = describe(settings_.metric);
    const SiteIndex site = binding_->document()->currentSite();
    chart->SetTitle(binding_->document()->displayName().toStdString() + ": " +
                    std::string(description.label) + " at site " +
                    siteName(*binding_->document(), site).toStdString());
    setFixedAxis(chart->GetAxis(vtkAxis::BOTTOM), std::string(description.label), histogram_->low,
                 histogram_->high);
    setFixedAxis(chart->GetAxis(vtkAxis::LEFT),
                 settings_.logCounts ? "log10(1 + tokens)" : "tokens", 0.0, top);
    chart_->requestRender();
}

void HistogramView::drawMeanAndSpread(double top) {
    const SiteIndex site = binding_->document()->currentSite();
    const Summary& whole = binding_->document()->metrics().summary(site, settings_.metric);
    if (whole.count == 0) return;
    vtkChartXY* chart = chart_->chart();
    addVerticalLine(chart, whole.mean, top, {chart_->foreground(), 2.0f, false});
    for (double edge : {whole.mean - whole.std, whole.mean + whole.std})
        addVerticalLine(chart, edge, top, {chart_->foreground(), 1.5f, true});
    if (selectedSummary_ && selectedSummary_->count > 0)
        addVerticalLine(chart, selectedSummary_->mean, top, {kSelectionColour, 2.5f, true});
}

double HistogramView::drawOverlay() {
    if (!settings_.overlay) return 0;
    const auto columns =
        binding_->columns(settings_.overlay->site.value_or(binding_->document()->currentSite()));
    if (!columns) return 0;
    const auto values = metric_values(*columns, settings_.overlay->metric);
    if (values.empty()) return 0;
    const Histogram overlay =
        histogram_of(values, histogram_->low, histogram_->high, settings_.bins);
    const HistogramBars bars = histogram_bars(overlay, nullptr, settings_.logCounts);
    addStairs(chart_->chart(), bars.edges, bars.rest, {kOverlayColour, 2.0f, false});
    return *std::max_element(bars.rest.begin(), bars.rest.end());
}

double HistogramView::drawComparison() {
    const std::optional<SiteIndex> site = comparisonSite();
    const auto columns = site ? comparison_->columns(*site) : nullptr;
    const auto values =
        columns ? metric_values(*columns, settings_.metric) : std::span<const float>{};
    if (values.empty()) return 0;
    const Histogram other = histogram_of(values, histogram_->low, histogram_->high, settings_.bins);
    const HistogramBars bars = histogram_bars(other, nullptr, settings_.logCounts);
    addStairs(chart_->chart(), bars.edges, bars.rest, {comparisonColour_, 2.5f, false});
    return *std::max_element(bars.rest.begin(), bars.rest.end());
}

QString HistogramView::comparisonText() const {
    const std::optional<SiteIndex> site = comparisonSite();
    if (!site) return {};
    const auto& metrics = comparison_->document()->metrics();
    const auto column = std::size_t(column_of(settings_.metric));
    if (column >= metrics.summaries()[*site].metrics.size()) return {};
    const Summary& other = metrics.summary(*site, settings_.metric);
    const Summary& own = binding_->document()->metrics().summary(
        binding_->document()->currentSite(), settings_.metric);
    return tr("<br><span style='color:%1'>▭</span> <b>%2</b> at %3: %4; "
              "<b>difference of means %5</b> (%2 − %6)")
        .arg(comparisonColour_.name(), comparison_->document()->displayName(),
             siteName(*comparison_->document(), *site), summaryText(other))
        .arg(other.mean - own.mean, 0, 'g', 4)
        .arg(binding_->document()->displayName());
}

void HistogramView::updateStatistics() {
    if (!histogram_) {
        statistics_->clear();
        return;
    }
    const SiteIndex site = binding_->document()->currentSite();
    const Summary& whole = binding_->document()->metrics().summary(site, settings_.metric);
    QString text = tr("<b>site</b> %1 &nbsp; <span style='color:%2'>■</span> <b>selection</b> ")
                       .arg(summaryText(whole), siteColour_.name());
    text += !selectedSummary_
                ? tr("none")
                : summaryText(*selectedSummary_) +
                      QString(" <span style='color:%1'>■</span>").arg(kSelectionColour.name());
    if (histogram_->below + histogram_->above > 0)
        text += tr(" &nbsp; outside the range: %1 below, %2 above")
                    .arg(histogram_->below)
                    .arg(histogram_->above);
    if (settings_.overlay)
        text += tr(" &nbsp; <span style='color:%1'>▭</span> outline: %2")
                    .arg(kOverlayColour.name(), overlayBox_->currentText());
    statistics_->setText(text + comparisonText());
}

void HistogramView::selectRange(double low, double high) {
    if (!histogram_) return;
    const auto clampToRange = [this](double value) {
        return std::clamp(value, histogram_->low, histogram_->high);
    };
    const int first = histogram_->bin_of(clampToRange(std::min(low, high)));
    const int last = histogram_->bin_of(clampToRange(std::max(low, high)));
    const auto tokens = tokens_in_bins(currentValues(), *histogram_, first, last);
    binding_->document()->selection()->setTokens(tokens, this);
}

void HistogramView::onBrushed(QPointF from, QPointF to) { selectRange(from.x(), to.x()); }

}  // namespace lngeom::widgets
