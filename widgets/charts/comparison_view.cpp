#include "widgets/charts/comparison_view.h"

#include <QHBoxLayout>
#include <QSplitter>
#include <QVBoxLayout>

#include "core/charts/site_alignment.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/charts/layer_curves_view.h"

namespace lngeom::widgets {

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

}  // namespace lngeom::widgets
