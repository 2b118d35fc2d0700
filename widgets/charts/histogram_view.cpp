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
#include "core/columns/column_statistics.h"
#include "widgets/charts/chart_brush.h"
#include "widgets/charts/chart_plots.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/histogram_tooltip.h"
#include "widgets/charts/statistics_text.h"
#include "widgets/document/document_binding.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"
#include "widgets/document/view_jobs.h"
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
          this, DocumentBinding::Callbacks{[this] { refresh(); },
                                           [this](QObject*) { refreshSelection(); }})),
      comparison_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { refresh(); }, {}})),
      chart_(new ChartView(this)),
      jobs_(std::make_unique<ViewJobs>(this, "the histogram")),
      selectionJobs_(std::make_unique<ViewJobs>(this, "the histogram's selection")),
      brushJobs_(std::make_unique<ViewJobs>(this, "the histogram's brush")) {
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
    if (drawn_.site) {
        const MetricDescription& description = describe(settings_.metric);
        text = binTooltip(*drawn_.site, drawn_.selected ? &*drawn_.selected : nullptr,
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

// Everything compute() needs, taken on the GUI thread; the columns stay alive with it.
struct HistogramView::Inputs {
    std::shared_ptr<const ColumnSource> site;
    std::shared_ptr<const ColumnSource> overlay;
    std::shared_ptr<const ColumnSource> comparison;
    Metric metric = Metric::AngleToUniformDeg;
    Metric overlayMetric = Metric::AngleToUniformDeg;
    ValueRange range;
    int bins = 1;
    std::shared_ptr<const TokenSet> selection;

    Index rows() const {
        Index rows = 0;
        for (const auto* source : {site.get(), overlay.get(), comparison.get()})
            rows += source ? source->n_tokens() : 0;
        return rows;
    }
};

HistogramView::Inputs HistogramView::inputs() const {
    Inputs inputs;
    if (!binding_->isReady()) return inputs;
    const SiteIndex site = binding_->document()->currentSite();
    inputs.site = binding_->columns(site);
    inputs.metric = settings_.metric;
    inputs.range = effectiveRange();
    inputs.bins = settings_.bins;
    inputs.selection = binding_->document()->selection()->snapshot();
    if (settings_.overlay) {
        inputs.overlay = binding_->columns(settings_.overlay->site.value_or(site));
        inputs.overlayMetric = settings_.overlay->metric;
    }
    if (const std::optional<SiteIndex> other = comparisonSite())
        inputs.comparison = comparison_->columns(*other);
    return inputs;
}

HistogramView::Histograms HistogramView::compute(const Inputs& in,
                                                 const std::atomic<bool>& cancel) {
    Histograms out;
    if (!in.site || !in.site->has(in.metric)) return out;
    const auto histogramOf = [&](const ColumnSource& source, Metric metric) {
        return column_histogram(source, metric, in.range.low, in.range.high, in.bins, &cancel);
    };
    out.site = histogramOf(*in.site, in.metric);
    if (in.overlay && in.overlay->has(in.overlayMetric))
        out.overlay = histogramOf(*in.overlay, in.overlayMetric);
    if (in.comparison && in.comparison->has(in.metric))
        out.comparison = histogramOf(*in.comparison, in.metric);
    computeSelection(in, out, cancel);
    return out;
}

void HistogramView::computeSelection(const Inputs& in, Histograms& out,
                                     const std::atomic<bool>& cancel) {
    out.selected.reset();
    out.selectedSummary.reset();
    if (!out.site || !in.selection || in.selection->empty()) return;
    out.selected = column_histogram_of_tokens(*in.site, in.metric, *in.selection, out.site->low,
                                              out.site->high, in.bins, &cancel);
    out.selectedSummary = column_summary_of_tokens(*in.site, in.metric, *in.selection, &cancel);
}

bool HistogramView::isComputing() const { return jobs_->busy() || selectionJobs_->busy(); }

void HistogramView::refresh() {
    Inputs in = inputs();
    const Index rows = in.rows();
    const auto columns = in.site;
    selectionJobs_->cancel();
    jobs_->run<Histograms>(
        rows, [in = std::move(in)](const std::atomic<bool>& cancel) { return compute(in, cancel); },
        [this, columns](Histograms histograms) {
            columns_ = columns;
            drawn_ = std::move(histograms);
            failure_.clear();
            updateControls();
            redraw();
            emit computed();
        },
        [this](const QString& message) { showFailure(message); });
    if (jobs_->busy()) redraw();
}

// Only the selection's part, over the histograms already drawn.
void HistogramView::refreshSelection() {
    if (jobs_->busy() || !drawn_.site) return;  // the running refresh takes the selection too
    Inputs in = inputs();
    if (in.site != columns_) return refresh();
    const Index rows = in.selection && !in.selection->empty() ? in.site->n_tokens() : 0;
    selectionJobs_->run<Histograms>(
        rows,
        [in = std::move(in), drawn = drawn_](const std::atomic<bool>& cancel) mutable {
            computeSelection(in, drawn, cancel);
            return drawn;
        },
        [this, columns = columns_](Histograms histograms) {
            if (columns != columns_) return;
            drawn_.selected = std::move(histograms.selected);
            drawn_.selectedSummary = std::move(histograms.selectedSummary);
            redraw();
            emit computed();
        },
        [this](const QString& message) { showFailure(message); });
}

void HistogramView::showFailure(const QString& message) {
    failure_ = message;
    drawn_ = {};
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
    updateStatistics();
    if (!drawn_.site) {
        chart->SetTitle(!failure_.isEmpty()   ? failure_.toStdString()
                        : jobs_->busy()       ? "Computing the histogram…"
                        : binding_->isReady() ? "This site has no such metric"
                                              : "No metrics yet");
        chart_->requestRender();
        return;
    }
    const HistogramBars bars = histogram_bars(
        *drawn_.site, drawn_.selected ? &*drawn_.selected : nullptr, settings_.logCounts);
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
    setFixedAxis(chart->GetAxis(vtkAxis::BOTTOM), std::string(description.label), drawn_.site->low,
                 drawn_.site->high);
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
    if (drawn_.selectedSummary && drawn_.selectedSummary->count > 0)
        addVerticalLine(chart, drawn_.selectedSummary->mean, top, {kSelectionColour, 2.5f, true});
}

double HistogramView::drawOverlay() {
    if (!drawn_.overlay) return 0;
    const HistogramBars bars = histogram_bars(*drawn_.overlay, nullptr, settings_.logCounts);
    addStairs(chart_->chart(), bars.edges, bars.rest, {kOverlayColour, 2.0f, false});
    return *std::max_element(bars.rest.begin(), bars.rest.end());
}

double HistogramView::drawComparison() {
    if (!drawn_.comparison) return 0;
    const HistogramBars bars = histogram_bars(*drawn_.comparison, nullptr, settings_.logCounts);
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
    if (!drawn_.site) {
        statistics_->clear();
        return;
    }
    const SiteIndex site = binding_->document()->currentSite();
    const Summary& whole = binding_->document()->metrics().summary(site, settings_.metric);
    QString text = tr("<b>site</b> %1 &nbsp; <span style='color:%2'>■</span> <b>selection</b> ")
                       .arg(summaryText(whole), siteColour_.name());
    text += !drawn_.selectedSummary
                ? tr("none")
                : summaryText(*drawn_.selectedSummary) +
                      QString(" <span style='color:%1'>■</span>").arg(kSelectionColour.name());
    if (drawn_.site->below + drawn_.site->above > 0)
        text += tr(" &nbsp; outside the range: %1 below, %2 above")
                    .arg(drawn_.site->below)
                    .arg(drawn_.site->above);
    if (settings_.overlay)
        text += tr(" &nbsp; <span style='color:%1'>▭</span> outline: %2")
                    .arg(kOverlayColour.name(), overlayBox_->currentText());
    statistics_->setText(text + comparisonText());
}

void HistogramView::selectRange(double low, double high) {
    if (!drawn_.site || !columns_) return;
    const Histogram& edges = *drawn_.site;
    const auto clampToRange = [&edges](double value) {
        return std::clamp(value, edges.low, edges.high);
    };
    const int first = edges.bin_of(clampToRange(std::min(low, high)));
    const int last = edges.bin_of(clampToRange(std::max(low, high)));
    brushJobs_->run<TokenSet>(
        columns_->n_tokens(),
        [columns = columns_, metric = settings_.metric, edges, first,
         last](const std::atomic<bool>& cancel) {
            return column_tokens_in_bins(*columns, metric, edges, first, last, &cancel);
        },
        [this, document = QPointer<DumpDocument>(binding_->document())](TokenSet tokens) {
            if (document && document == binding_->document())
                document->selection()->setSet(std::move(tokens), this);
        },
        [this](const QString& message) { showFailure(message); });
}

void HistogramView::onBrushed(QPointF from, QPointF to) { selectRange(from.x(), to.x()); }

}  // namespace lngeom::widgets
