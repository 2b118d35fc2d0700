#include "widgets/support/wrapping_row.h"

#include <QBoxLayout>

#include <algorithm>

namespace lngeom::widgets {

WrappingRow::WrappingRow(QWidget* parent)
    : QWidget(parent), groups_(new QBoxLayout(QBoxLayout::LeftToRight, this)) {
    groups_->setContentsMargins(0, 0, 0, 0);
    groups_->addStretch();
}

QHBoxLayout* WrappingRow::addGroup() {
    auto* group = new QHBoxLayout;
    group->setAlignment(Qt::AlignLeft);  // stacked, the groups line up on the left
    groups_->insertLayout(groups_->count() - 1, group);
    return group;
}

QSize WrappingRow::minimumSizeHint() const {
    int width = 0;
    for (int i = 0; i < groups_->count(); ++i)
        width = std::max(width, groups_->itemAt(i)->minimumSize().width());
    return {width, QWidget::minimumSizeHint().height()};
}

int WrappingRow::oneLineWidth() const {
    int width = 0;
    for (int i = 0; i < groups_->count(); ++i)
        width += groups_->itemAt(i)->sizeHint().width() + groups_->spacing();
    return width;
}

// The layout's direction depends on the width only, so switching it cannot resize the row back.
void WrappingRow::resizeEvent(QResizeEvent* event) {
    const auto direction =
        width() >= oneLineWidth() ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (groups_->direction() != direction) groups_->setDirection(direction);
    QWidget::resizeEvent(event);
}

}  // namespace lngeom::widgets
