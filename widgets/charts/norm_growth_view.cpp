#include "widgets/charts/norm_growth_view.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkPlotArea.h>
#include <vtkPlotLine.h>
#include <QLabel>

#include <algorithm>
#include <cmath>

#include "widgets/charts/chart_plots.h"
#include "widgets/charts/site_axis.h"
#include "widgets/document/dump_document.h"

namespace lngeom::widgets {
namespace {

const QColor kNormColour(70, 110, 190);
const QColor kUpdateColour(200, 120, 30);

QColor withAlpha(QColor colour, int alpha) {
    colour.setAlpha(alpha);
    return colour;
}

bool anyFinite(const std::vector<double>& values) {
    return std::any_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

}  // namespace

NormGrowthView::NormGrowthView(QWidget* parent)
    : QWidget(parent),
      job_(this, "the norm growth",
           {.reset = [this] { forgetUpdates(); },
            .read = [this]() -> DeferredViewJob<std::vector<UpdateSummary>>::Read {
                return [dump = document()->dump()](const std::atomic<bool>* cancel) {
                    return sampled_relative_updates(*dump, kNormGrowthSampleTokens, cancel);
                };
            },
            .apply = [this](std::vector<UpdateSummary> updates) { showUpdates(updates); },
            .failed =
                [this](const QString& message) {
                    failure_ = message;
                    updatesKnown_ = true;
                    redraw();
                    emit updatesShown();
                },
            .redraw = [this] { redraw(); }}),
      chart_(new ChartView(this)),
      caption_(new QLabel) {
    // The curves are the same at every current site.
    job_.binding().setSiteChanged([] {});
    job_.binding().showStateOver(chart_);
    layOutSiteChart(this, chart_, caption_, [this](double x) {
        if (const auto site = siteAt(rows_, x)) document()->setCurrentSite(*site);
    });
    chart_->setLogarithmic(vtkAxis::LEFT, true);
    chart_->setLogarithmic(vtkAxis::RIGHT, true);
    job_.refresh();
}

NormGrowthView::~NormGrowthView() = default;

void NormGrowthView::setDocument(DumpDocument* document) { job_.setDocument(document); }

DumpDocument* NormGrowthView::document() const { return job_.document(); }

void NormGrowthView::forgetUpdates() {
    rows_.clear();
    curve_ = {};
    updatesKnown_ = false;
    failure_.clear();
    if (!job_.isReady()) return;
    rows_ = align_sites(document()->info().sites, {});
    curve_ = norm_growth_curve(document()->metrics().summaries(), {});
}

void NormGrowthView::computeNow() { job_.computeNow(); }

void NormGrowthView::showUpdates(const std::vector<UpdateSummary>& updates) {
    curve_ = norm_growth_curve(document()->metrics().summaries(), updates);
    updatesKnown_ = true;
    redraw();
    emit updatesShown();
}

QString NormGrowthView::caption() const {
    if (rows_.empty()) return {};
    QString text =
        tr("Solid: mean ‖x‖ entering each norm; dashed: its median; band: the "
           "1st to "
           "99th percentile of the site's tokens (left axis, log scale).");
    if (!failure_.isEmpty()) return text + ' ' + tr("No relative update: %1").arg(failure_);
    if (!updatesKnown_) return text + ' ' + tr("Reading the relative updates…");
    if (curve_.pairs == 0)
        return text + ' ' +
               tr("No relative update: no two consecutive sites of one kind hold the same tokens "
                  "(same norm kind, d and token count).");
    const Index most = *std::max_element(curve_.update_tokens.begin(), curve_.update_tokens.end());
    return text + ' ' +
           tr("Orange (right axis, log scale): the relative update ‖x′ − x‖/‖x‖ of each token "
              "from the previous site of the same kind (x) to this one (x′), median and 10–90 % "
              "band over %1 sampled tokens per pair; %2 of %3 sites have one.")
               .arg(most)
               .arg(curve_.pairs)
               .arg(rows_.size());
}

void NormGrowthView::redraw() {
    vtkChartXY* chart = chart_->chart();
    chart->ClearPlots();
    caption_->setText(caption());
    if (rows_.empty()) {
        chart->SetTitle("No metrics yet");
        chart_->requestRender();
        return;
    }
    drawNorms();
    drawUpdates();
    std::string title = "‖x‖ entering the norms over the sites";
    if (updatesKnown_ && curve_.pairs == 0)
        title += " (no relative update: no consecutive sites of one kind)";
    chart->SetTitle(title);
    chart->SetShowLegend(true);
    setSiteAxis(*chart_, rows_);
    chart_->requestRender();
}

void NormGrowthView::drawNorms() {
    vtkChartXY* chart = chart_->chart();
    const std::vector<double> xs = sitePositions(rows_.size());
    const auto low = log10Values(inForwardOrder(rows_, curve_.p01)),
               high = log10Values(inForwardOrder(rows_, curve_.p99));
    const auto mean = log10Values(inForwardOrder(rows_, curve_.mean)),
               median = log10Values(inForwardOrder(rows_, curve_.p50));
    if (vtkPlot* band = addBandRuns(chart, xs, low, high, withAlpha(kNormColour, 50)))
        band->SetLabel("‖x‖ 1–99 %");
    addSiteCurve(chart, xs, mean, {kNormColour, 2.5f, false})->SetLabel("mean ‖x‖");
    addSiteCurve(chart, xs, median, {kNormColour, 1.5f, true})->SetLabel("median ‖x‖");
    const auto [bottom, top] = paddedExtent({low, high, mean});
    setFixedAxis(chart->GetAxis(vtkAxis::LEFT), "‖x‖ (log scale)", bottom, top);
}

void NormGrowthView::drawUpdates() {
    vtkChartXY* chart = chart_->chart();
    vtkAxis* right = chart->GetAxis(vtkAxis::RIGHT);
    const auto median = log10Values(inForwardOrder(rows_, curve_.update_p50));
    if (!anyFinite(median)) {
        right->SetVisible(false);
        return;
    }
    const std::vector<double> xs = sitePositions(rows_.size());
    const auto low = log10Values(inForwardOrder(rows_, curve_.update_p10)),
               high = log10Values(inForwardOrder(rows_, curve_.update_p90));
    if (vtkPlot* band = addBandRuns(chart, xs, low, high, withAlpha(kUpdateColour, 50), 1))
        band->SetLabel("update 10–90 %");
    vtkPlot* line = addSiteCurve(chart, xs, median, {kUpdateColour, 2.0f, false});
    line->SetLabel("median ‖x′ − x‖/‖x‖");
    chart->SetPlotCorner(line, 1);
    const auto [bottom, top] = paddedExtent({low, high});
    setFixedAxis(right, "relative update (log scale)", bottom, top);
    right->SetVisible(true);
}

}  // namespace lngeom::widgets
