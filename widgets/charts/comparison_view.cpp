#include "widgets/charts/comparison_view.h"

#include <QHBoxLayout>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>
#include <optional>

#include "core/charts/site_alignment.h"
#include "core/errors.h"
#include "core/io/token_labels.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/document/token_selection.h"

namespace lngeom::widgets {
namespace {

constexpr int kMinimumChartHeight = 220;
// Token texts compared this many at a time, so two dumps of 100M tokens are compared in the
// memory of one block's strings.
constexpr Index kTextBlock = 1 << 16;

// Two dumps of the same inputs (the two samples, or a model before and after a change): a token
// index means the same token in both.
bool sameTokens(const DumpDocument& left, const DumpDocument& right) {
    const auto& a = left.info().sites;
    const auto& b = right.info().sites;
    if (a.empty() || b.empty() || a.front().n_tokens != b.front().n_tokens) return false;
    const Index tokens = a.front().n_tokens;
    try {
        for (Index first = 0; first < tokens; first += kTextBlock) {
            const Index count = std::min(kTextBlock, tokens - first);
            if (read_token_labels(*left.dump(), first, count).text !=
                read_token_labels(*right.dump(), first, count).text)
                return false;
        }
    } catch (const Error&) {
        return false;  // texts that cannot be read are not known to be the same
    }
    return true;
}

}  // namespace

ComparisonView::ComparisonView(QWidget* parent)
    : QWidget(parent),
      curves_(new LayerCurvesView),
      leftHistogram_(new HistogramView),
      rightHistogram_(new HistogramView) {
    auto* histograms = new QSplitter(Qt::Vertical);
    histograms->addWidget(leftHistogram_);
    histograms->addWidget(rightHistogram_);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(curves_);
    splitter->addWidget(histograms);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    rightHistogram_->setColours(QColor(40, 150, 90), QColor(70, 110, 190));
    rightHistogram_->setNoDocumentMessage(
        tr("Only one file is open, so there is nothing to compare it with.\nOpen a second dump "
           "(File ▸ Open, e.g. the other sample) and pick it in the toolbar's Compare with box."));
    // Tall enough to read: the dock scrolls vertically rather than squeezing them.
    for (ChartView* chart :
         {curves_->chartView(), leftHistogram_->chartView(), rightHistogram_->chartView()})
        chart->setMinimumHeight(kMinimumChartHeight);
    connect(leftHistogram_, &HistogramView::settingsChanged, this,
            [this] { shareSettings(leftHistogram_, rightHistogram_); });
    connect(rightHistogram_, &HistogramView::settingsChanged, this,
            [this] { shareSettings(rightHistogram_, leftHistogram_); });
    connect(curves_, &LayerCurvesView::settingsChanged, this,
            [this] { leftHistogram_->setMetric(curves_->settings().metric); });
}

void ComparisonView::setDocument(DumpDocument* document) {
    left_ = document;
    connectDocuments();
}

void ComparisonView::setComparisonDocument(DumpDocument* document) {
    right_ = document;
    connectDocuments();
}

void ComparisonView::connectDocuments() {
    curves_->setDocument(left_);
    curves_->setComparisonDocument(right_);
    leftHistogram_->setDocument(left_);
    leftHistogram_->setComparisonDocument(right_);
    rightHistogram_->setDocument(right_);
    rightHistogram_->setComparisonDocument(left_);
    disconnect(siteConnection_);
    disconnect(readyConnection_);
    for (const auto& connection : selectionConnections_) disconnect(connection);
    selectionConnections_.clear();
    if (left_ && right_) {
        mirrorSelection(left_, right_);
        mirrorSelection(right_, left_);
    }
    if (!left_) return;
    siteConnection_ =
        connect(left_, &DumpDocument::currentSiteChanged, this, [this] { followCurrentSite(); });
    readyConnection_ = connect(left_, &DumpDocument::ready, this, [this] { followCurrentSite(); });
    followCurrentSite();
}

void ComparisonView::followCurrentSite() {
    if (!left_ || !right_ || left_->state() != DumpDocument::State::Ready ||
        right_->state() != DumpDocument::State::Ready)
        return;
    const SiteIndex current = left_->currentSite();
    for (const AlignedSite& row : align_sites(left_->info().sites, right_->info().sites))
        if (row.left == current && row.right) right_->setCurrentSite(*row.right);
}

// The histograms show the same metric over the same bins; each keeps its own overlay.
void ComparisonView::shareSettings(HistogramView* from, HistogramView* to) {
    HistogramSettings shared = from->settings();
    shared.overlay = to->settings().overlay;
    if (shared == to->settings()) return;
    to->setSettings(shared);
}

// The selection exists from infoReady on, so the mirror is connected then if need be.
void ComparisonView::mirrorSelection(DumpDocument* from, DumpDocument* to) {
    const auto connectMirror = [this, from, to] {
        // Comparing every token's text once is enough: the files do not change.
        auto same = std::make_shared<std::optional<bool>>();
        selectionConnections_.push_back(
            connect(from->selection(), &TokenSelection::changed, this,
                    [this, from, to, same](QObject* source) {
                        if (source == this) return;
                        if (!*same && from->state() == DumpDocument::State::Ready &&
                            to->state() == DumpDocument::State::Ready)
                            *same = sameTokens(*from, *to);
                        if (same->value_or(false))
                            to->selection()->setSet(from->selection()->set(), this);
                    }));
    };
    if (from->selection())
        connectMirror();
    else
        selectionConnections_.push_back(
            connect(from, &DumpDocument::infoReady, this, connectMirror));
}

}  // namespace lngeom::widgets
