#include "app/window/pass_progress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

#include <cmath>

#include "app/files/document_list.h"
#include "widgets/document/dump_document.h"

namespace lngeom::app {
namespace {

using widgets::DumpDocument;

QString durationText(double seconds) {
    if (seconds < 0) return QObject::tr("estimating…");
    if (seconds < 60) return QObject::tr("%1 s left").arg(std::ceil(seconds));
    return QObject::tr("%1 min %2 s left")
        .arg(int(seconds) / 60)
        .arg(int(seconds) % 60, 2, 10, QChar('0'));
}

}  // namespace

void ThroughputEstimate::start() { clock_.start(); }

void ThroughputEstimate::update(qint64 rowsDone, qint64 rowsTotal) {
    rowsDone_ = rowsDone;
    rowsTotal_ = rowsTotal;
}

double ThroughputEstimate::rowsPerSecond() const {
    const double seconds = clock_.elapsed() / 1000.0;
    return seconds > 0 ? rowsDone_ / seconds : 0;
}

double ThroughputEstimate::secondsLeft() const {
    const double rate = rowsPerSecond();
    if (rate <= 0 || rowsDone_ == 0) return -1;
    return (rowsTotal_ - rowsDone_) / rate;
}

PassProgress::PassProgress(DocumentList* documents, QAction* cancelAction, QWidget* parent)
    : QWidget(parent), documents_(documents), label_(new QLabel), bar_(new QProgressBar) {
    bar_->setMaximumWidth(220);
    bar_->setTextVisible(true);
    auto* cancel = new QToolButton;
    cancel->setDefaultAction(cancelAction);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(bar_);
    layout->addWidget(cancel);
    connect(documents, &DocumentList::added, this, &PassProgress::track);
    connect(documents, &DocumentList::stateChanged, this, &PassProgress::updateVisibility);
    connect(documents, &DocumentList::removed, this, &PassProgress::updateVisibility);
    for (DumpDocument* document : documents->documents()) track(document);
    updateVisibility();
}

QString PassProgress::text() const { return label_->text(); }

void PassProgress::track(DumpDocument* document) {
    estimates_[document].start();
    connect(document, &DumpDocument::progress, this,
            [this, document](qint64 done, qint64 total) { showProgress(document, done, total); });
    connect(document, &QObject::destroyed, this, [this, document] { estimates_.remove(document); });
    label_->setText(tr("%1: opening…").arg(document->displayName()));
    updateVisibility();
}

void PassProgress::showProgress(DumpDocument* document, qint64 rowsDone, qint64 rowsTotal) {
    ThroughputEstimate& estimate = estimates_[document];
    estimate.update(rowsDone, rowsTotal);
    bar_->setRange(0, 1000);
    bar_->setValue(rowsTotal > 0 ? int(1000 * rowsDone / rowsTotal) : 0);
    label_->setText(tr("%1: %2 vectors/s · %3")
                        .arg(document->displayName(),
                             QLocale().toString(qint64(estimate.rowsPerSecond())),
                             durationText(estimate.secondsLeft())));
}

void PassProgress::updateVisibility() { setVisible(!documents_->isSettled()); }

}  // namespace lngeom::app
