#include "widgets/charts/massive_view.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkPlotLine.h>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalBlocker>

#include <algorithm>
#include <cmath>

#include "core/analysis/massive_tokens.h"
#include "core/charts/site_labels.h"
#include "core/columns/column_statistics.h"
#include "widgets/charts/chart_plots.h"
#include "widgets/charts/site_axis.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"

namespace lngeom::widgets {
namespace {

// Top-1 strongest, top-2 and top-3 fading, as the paper's layer figure draws
// them.
const std::array<QColor, 3> kTopColours{QColor(200, 40, 40), QColor(230, 120, 40),
                                        QColor(220, 170, 60)};
const QColor kMedianColour(70, 110, 190);
const QColor kThresholdColour(120, 120, 120);
const QColor kShareColour(200, 40, 40);
constexpr int kCaptionDims = 5;
constexpr int kShareBins = 20;
constexpr int kSharesHeight = 130;
// Narrower than this the histogram's ticks collide; it goes below the thresholds instead.
constexpr int kSharesMinWidth = 300;
// Below this the layer chart's two-line title and five-entry legend below the plot leave the
// plot itself too little height to read (at 1280 × 800); the dock scrolls vertically instead.
constexpr int kChartMinHeight = 400;

MassiveSites gatherReports(const Dump& dump, const MassiveThresholds& thresholds,
                           const std::atomic<bool>* cancel) {
    PassOptions pass;
    pass.cancel = cancel;
    return site_massive_reports(dump, pass, thresholds);
}

QString number(double value) { return QString::number(value, 'g', 4); }

}  // namespace

std::string massiveFinding(const MassiveCurves& curves) {
    if (curves.total_flagged == 0) return "no token is massive";
    const auto sites = std::count_if(curves.flagged.begin(), curves.flagged.end(),
                                     [](std::int64_t flagged) { return flagged > 0; });
    return std::to_string(curves.total_flagged) + " massive token" +
           (curves.total_flagged == 1 ? "" : "s") + " at " + std::to_string(sites) + " of " +
           std::to_string(curves.size()) + " sites";
}

std::string massiveThreshold(const MassiveThresholds& thresholds) {
    return QString("max(%1, %2 × median |x|)")
        .arg(number(thresholds.absolute), number(thresholds.ratio))
        .toStdString();
}

MassiveView::MassiveView(QWidget* parent)
    : QWidget(parent),
      job_(this, "the massive activations",
           {.reset = [this] { forgetReports(); },
            .read = [this]() -> DeferredViewJob<MassiveSites>::Read {
                return [dump = document()->dump(),
                        thresholds = thresholds_](const std::atomic<bool>* cancel) {
                    return gatherReports(*dump, thresholds, cancel);
                };
            },
            .apply = [this](MassiveSites sites) { showReports(std::move(sites)); },
            .failed =
                [this](const QString& message) {
                    failure_ = message;
                    redraw();
                    emit reportsShown();
                },
            .redraw = [this] { redraw(); }}),
      chart_(new ChartView(this)),
      caption_(new QLabel),
      select_(new QPushButton(tr("Select flagged tokens"))),
      absolute_(new QDoubleSpinBox),
      ratio_(new QDoubleSpinBox),
      sharesChart_(new ChartView(this)) {
    job_.binding().setSiteChanged([this] {
        caption_->setText(caption());
        select_->setEnabled(!reports_.empty());
        requestShares();
    });
    job_.binding().showStateOver(chart_);
    sharesChart_->setFixedHeight(kSharesHeight);
    sharesChart_->setMinimumWidth(kSharesMinWidth);
    chart_->setMinimumHeight(kChartMinHeight);
    sharesChart_->setLogarithmic(vtkAxis::LEFT, true);
    layOutSiteChart(this, chart_, caption_,
                    [this](double x) {
                        if (const auto site = siteAt(rows_, x)) document()->setCurrentSite(*site);
                    },
                    {makeControls(), sharesChart_});
    chart_->setLogarithmic(vtkAxis::LEFT, true);
    job_.refresh();
}

MassiveView::~MassiveView() {
    shareJobs_.cancel();
    selectJobs_.cancel();
}

QWidget* MassiveView::makeControls() {
    select_->setToolTip(tr("Select the current site's massive tokens in every view."));
    connect(select_, &QPushButton::clicked, this, &MassiveView::selectFlaggedTokens);
    for (QDoubleSpinBox* box : {absolute_, ratio_}) {
        box->setRange(0, 1e9);
        box->setDecimals(1);
        box->setKeyboardTracking(false);
    }
    absolute_->setValue(thresholds_.absolute);
    ratio_->setValue(thresholds_.ratio);
    for (QDoubleSpinBox* box : {absolute_, ratio_})
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] {
            setThresholds({absolute_->value(), ratio_->value()});
        });
    absolute_->setToolTip(tr("A: a token is massive when its max |xᵢ| exceeds A …"));
    ratio_->setToolTip(tr("R: … and is at least R × the site's median |x|."));
    auto* controls = new QWidget;
    controls->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Maximum);
    auto* form = new QFormLayout(controls);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(select_);
    form->addRow(tr("max |x| >"), absolute_);
    form->addRow(tr("≥ × median |x|"), ratio_);
    return controls;
}

void MassiveView::setThresholds(const MassiveThresholds& thresholds) {
    if (thresholds.absolute == thresholds_.absolute && thresholds.ratio == thresholds_.ratio)
        return;
    thresholds_ = thresholds;
    const QSignalBlocker blockAbsolute(absolute_), blockRatio(ratio_);
    absolute_->setValue(thresholds.absolute);
    ratio_->setValue(thresholds.ratio);
    job_.refresh();
}

void MassiveView::setDocument(DumpDocument* document) { job_.setDocument(document); }

DumpDocument* MassiveView::document() const { return job_.document(); }

void MassiveView::forgetReports() {
    shareJobs_.cancel();
    selectJobs_.cancel();
    rows_.clear();
    reports_.clear();
    int8_.clear();
    curves_ = {};
    shares_.reset();
    failure_.clear();
    if (job_.isReady()) rows_ = align_sites(document()->info().sites, {});
}

void MassiveView::computeNow() { job_.computeNow(); }

void MassiveView::showReports(MassiveSites sites) {
    reports_ = std::move(sites.reports);
    int8_ = std::move(sites.int8);
    curves_ = massive_curves(reports_);
    redraw();
    requestShares();
    emit reportsShown();
}

void MassiveView::selectFlaggedTokens() {
    if (reports_.empty() || !job_.isReady()) return;
    const SiteIndex site = document()->currentSite();
    const auto columns = job_.binding().columns(site);  // nullptr when they cannot be had (logged)
    if (!columns) return;
    selectJobs_.run<TokenSet>(
        columns->n_tokens(),
        [columns, threshold = reports_[site].threshold](const std::atomic<bool>& cancel) {
            return massive_tokens(*columns, threshold, &cancel);
        },
        [this, document = QPointer<DumpDocument>(document())](TokenSet tokens) {
            if (!document || document != this->document()) return;
            document->selection()->setSet(std::move(tokens), this);
        });
}

void MassiveView::requestShares() {
    shares_.reset();
    const auto columns =
        reports_.empty() ? nullptr : job_.binding().columns(document()->currentSite());
    if (!columns || !columns->has(Metric::Top1EnergyShare)) {
        drawShares();
        return;
    }
    shareJobs_.run<Histogram>(
        columns->n_tokens(),
        [columns](const std::atomic<bool>& cancel) {
            return column_histogram(*columns, Metric::Top1EnergyShare, 0, 1, kShareBins, &cancel);
        },
        [this](Histogram shares) {
            shares_ = std::move(shares);
            drawShares();
            emit energySharesShown();
        });
}

void MassiveView::drawShares() {
    vtkChartXY* chart = sharesChart_->chart();
    chart->ClearPlots();
    if (!shares_) {
        chart->SetTitle("");
        sharesChart_->requestRender();
        return;
    }
    std::vector<double> edges(kShareBins + 1), heights(kShareBins);
    for (int bin = 0; bin <= kShareBins; ++bin) edges[size_t(bin)] = shares_->bin_low(bin);
    std::int64_t most = 1, dominated = 0;
    for (int bin = 0; bin < kShareBins; ++bin) {
        // Log counts: the few dominated tokens beside the many; an empty bin sits below 1.
        heights[size_t(bin)] = std::log10(std::max(0.5, double(shares_->counts[size_t(bin)])));
        most = std::max(most, shares_->counts[size_t(bin)]);
        if (bin >= kShareBins / 2) dominated += shares_->counts[size_t(bin)];
    }
    addStairs(chart, edges, heights, {kShareColour, 2.0f, false});
    chart->SetTitle(QString("top-1 energy share: %1 token%2 ≥ 0.5")
                        .arg(dominated)
                        .arg(dominated == 1 ? "" : "s")
                        .toStdString());
    setFixedAxis(chart->GetAxis(vtkAxis::BOTTOM), "maxᵢ xᵢ² / ‖x‖²", 0, 1);
    setFixedAxis(chart->GetAxis(vtkAxis::LEFT), "tokens", std::log10(0.5),
                 std::log10(double(most)) + 0.1);
    sharesChart_->requestRender();
}

QString MassiveView::int8Caption() const {
    const Index d = document()->info().sites[document()->currentSite()].d;
    for (const Int8Outliers& width : int8_) {
        if (width.d != d) continue;
        QString dims;
        for (std::size_t k = 0; k < width.dims.size() && k < kCaptionDims; ++k)
            dims += tr("%1%2 (%3 sites)")
                        .arg(k ? ", " : "")
                        .arg(width.dims[k])
                        .arg(width.sites_with[k]);
        if (width.dims.size() > kCaptionDims)
            dims += tr(" and %1 more (lngeom stats --format json lists them all)")
                        .arg(width.dims.size() - kCaptionDims);
        return tr(" LLM.int8() outlier features (|x| ≥ 6 at ≥ 6 % of the tokens of ≥ 25 % of the "
                  "%1 sites of width %2): %3.")
            .arg(width.sites)
            .arg(d)
            .arg(dims.isEmpty() ? tr("none") : dims);
    }
    return {};
}

QString MassiveView::caption() const {
    if (!failure_.isEmpty()) return tr("Massive activations could not be read: %1").arg(failure_);
    if (!job_.isReady() || rows_.empty()) return {};
    if (job_.isDeferred()) return tr("Shown once the view is raised.");
    if (reports_.empty()) return tr("Reading the massive-activation state of every site…");
    const SiteIndex site = document()->currentSite();
    const MassiveReport& report = reports_[site];
    QString text = tr("%1: median |x| %2, threshold %3 = %4, %5 of %6 tokens massive. "
                      "Top dimensions:")
                       .arg(QString::fromStdString(site_label(document()->info().sites[site])))
                       .arg(number(report.median_abs), number(report.threshold),
                            QString::fromStdString(massiveThreshold(thresholds_)))
                       .arg(report.tokens_flagged)
                       .arg(report.tokens);
    for (std::size_t k = 0; k < report.top_dims.size() && k < kCaptionDims; ++k) {
        const MassiveDimension& dim = report.top_dims[k];
        text += tr(" %1 (|x| %2, token %3%4)")
                    .arg(dim.dim)
                    .arg(number(dim.max_abs))
                    .arg(dim.token)
                    .arg(dim.position >= 0 ? tr(" at position %1").arg(dim.position) : QString());
        text += k + 1 < std::min<std::size_t>(report.top_dims.size(), kCaptionDims) ? ";" : ".";
    }
    return text + int8Caption();
}

void MassiveView::redraw() {
    vtkChartXY* chart = chart_->chart();
    chart->ClearPlots();
    caption_->setText(caption());
    select_->setEnabled(!reports_.empty());
    if (rows_.empty() || curves_.size() == 0) {
        chart->SetTitle(rows_.empty() ? "No metrics yet" : "Reading massive activations…");
        chart_->requestRender();
        return;
    }
    const std::vector<double> xs = sitePositions(rows_.size());
    std::array<std::vector<double>, 3> tops;
    for (std::size_t rank = 0; rank < tops.size(); ++rank) {
        tops[rank] = log10Values(inForwardOrder(rows_, curves_.top[rank]));
        addSiteCurve(chart, xs, tops[rank], {kTopColours[rank], rank == 0 ? 2.5f : 2.0f, false})
            ->SetLabel("top-" + std::to_string(rank + 1) + " |x|");
    }
    const auto median = log10Values(inForwardOrder(rows_, curves_.median));
    addSiteCurve(chart, xs, median, {kMedianColour, 2.0f, false})->SetLabel("median |x|");
    const auto threshold = log10Values(inForwardOrder(rows_, curves_.threshold));
    addSiteCurve(chart, xs, threshold, {kThresholdColour, 1.5f, true})
        ->SetLabel("massive threshold");
    const auto [low, high] = paddedExtent({tops[0], tops[2], median, threshold});
    chart->SetTitle("Top-3 and median |x| over the sites: " + massiveFinding(curves_));
    chart->SetShowLegend(true);
    setFixedAxis(chart->GetAxis(vtkAxis::LEFT), "|x| (log scale)", low, high);
    setSiteAxis(*chart_, rows_);
    chart_->requestRender();
}

}  // namespace lngeom::widgets
