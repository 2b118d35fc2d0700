#include "widgets/charts/massive_view.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkPlotLine.h>
#include <QLabel>
#include <QShowEvent>

#include <algorithm>
#include <cmath>

#include "core/charts/site_labels.h"
#include "widgets/charts/chart_plots.h"
#include "widgets/charts/site_axis.h"
#include "widgets/document/document_binding.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/worker_results.h"

namespace lngeom::widgets {
namespace {

// Top-1 strongest, top-2 and top-3 fading, as the paper's layer figure draws
// them.
const std::array<QColor, 3> kTopColours{QColor(200, 40, 40), QColor(230, 120, 40),
                                        QColor(220, 170, 60)};
const QColor kMedianColour(70, 110, 190);
const QColor kThresholdColour(120, 120, 120);
constexpr int kCaptionDims = 5;

std::vector<MassiveReport> gatherReports(const Dump& dump, const std::atomic<bool>* cancel) {
    PassOptions pass;
    pass.cancel = cancel;
    return site_massive_reports(dump, pass);
}

QString number(double value) { return QString::number(value, 'g', 4); }

}  // namespace

std::string massiveFinding(const MassiveCurves& curves) {
    if (curves.total_flagged == 0)
        return "no token is massive (max |x| ≥ max(100, 1000 × median |x|))";
    const auto sites = std::count_if(curves.flagged.begin(), curves.flagged.end(),
                                     [](std::int64_t flagged) { return flagged > 0; });
    return std::to_string(curves.total_flagged) + " massive token" +
           (curves.total_flagged == 1 ? "" : "s") + " at " + std::to_string(sites) + " of " +
           std::to_string(curves.size()) + " sites";
}

MassiveView::MassiveView(QWidget* parent)
    : QWidget(parent),
      binding_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { refresh(); }, {}})),
      chart_(new ChartView(this)),
      caption_(new QLabel) {
    binding_->setSiteChanged([this] { caption_->setText(caption()); });
    binding_->showStateOver(chart_);
    layOutSiteChart(this, chart_, caption_, [this](double x) {
        if (const auto site = siteAt(rows_, x)) document()->setCurrentSite(*site);
    });
    chart_->setLogarithmic(vtkAxis::LEFT, true);
    refresh();
}

MassiveView::~MassiveView() { worker_.cancel(); }

void MassiveView::setDocument(DumpDocument* document) { binding_->setDocument(document); }

DumpDocument* MassiveView::document() const { return binding_->document(); }

void MassiveView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (jobDue_) refresh();
}

void MassiveView::refresh() {
    const int generation = ++generation_;
    worker_.cancel();
    jobDue_ = false;
    rows_.clear();
    reports_.clear();
    curves_ = {};
    failure_.clear();
    if (binding_->isReady()) {
        rows_ = align_sites(document()->info().sites, {});
        jobDue_ = !isVisible();
        if (!jobDue_)
            submitForResult(
                worker_, this,
                [dump = document()->dump()](const std::atomic<bool>& cancel) {
                    return gatherReports(*dump, &cancel);
                },
                [this, generation](std::vector<MassiveReport> reports) {
                    showReports(generation, std::move(reports));
                },
                [this, generation](const QString& message) {
                    if (generation != generation_) return;
                    failure_ = message;
                    redraw();
                    emit reportsShown();
                });
    }
    redraw();
}

void MassiveView::computeNow() {
    if (!binding_->isReady()) return;
    worker_.cancel();
    jobDue_ = false;
    showReports(++generation_, gatherReports(*document()->dump(), nullptr));
}

void MassiveView::showReports(int generation, std::vector<MassiveReport> reports) {
    if (generation != generation_ || !binding_->isReady()) return;
    reports_ = std::move(reports);
    curves_ = massive_curves(reports_);
    redraw();
    emit reportsShown();
}

QString MassiveView::caption() const {
    if (!failure_.isEmpty()) return tr("Massive activations could not be read: %1").arg(failure_);
    if (!binding_->isReady() || rows_.empty()) return {};
    if (jobDue_) return tr("Shown once the view is raised.");
    if (reports_.empty()) return tr("Reading the massive-activation state of every site…");
    const SiteIndex site = document()->currentSite();
    const MassiveReport& report = reports_[site];
    QString text = tr("%1: median |x| %2, threshold %3, %4 of %5 tokens massive. "
                      "Top dimensions:")
                       .arg(QString::fromStdString(site_label(document()->info().sites[site])))
                       .arg(number(report.median_abs), number(report.threshold))
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
    return text;
}

void MassiveView::redraw() {
    vtkChartXY* chart = chart_->chart();
    chart->ClearPlots();
    caption_->setText(caption());
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
