#include "app/tour/tour_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

#include "app/tour/tour_facts.h"
#include "app/tour/tour_steps.h"

namespace lngeom::app {

TourPanel::TourPanel(QWidget* parent)
    : QWidget(parent),
      browser_(new QTextBrowser),
      counter_(new QLabel),
      back_(new QPushButton(tr("◀ Back"))),
      next_(new QPushButton(tr("Next ▶"))) {
    browser_->setOpenExternalLinks(true);
    back_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    next_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    back_->setToolTip(tr("Previous step (Alt+Left)"));
    next_->setToolTip(tr("Next step (Alt+Right)"));
    connect(back_, &QPushButton::clicked, this, [this] { showStep(step_ - 1); });
    connect(next_, &QPushButton::clicked, this, [this] { showStep(step_ + 1); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(back_);
    buttons->addStretch();
    buttons->addWidget(counter_);
    buttons->addStretch();
    buttons->addWidget(next_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(browser_);
    layout->addLayout(buttons);
    showStep(0);
}

void TourPanel::showStep(int step) {
    const int count = int(tourSteps().size());
    step_ = std::clamp(step, 0, count - 1);
    showText(tourSteps()[std::size_t(step_)].html(TourFacts(nullptr, 0)));
    counter_->setText(tr("%1 / %2").arg(step_ + 1).arg(count));
    back_->setEnabled(step_ > 0);
    next_->setEnabled(step_ + 1 < count);
    emit stepShown(step_);
}

void TourPanel::showText(const QString& html) {
    browser_->setHtml("<h3>" + tourSteps()[std::size_t(step_)].title + "</h3>" + html);
}

QString TourPanel::text() const { return browser_->toPlainText(); }

}  // namespace lngeom::app
