#include "widgets/support/wrapping_row.h"

#include <QEvent>
#include <QHBoxLayout>

#include <algorithm>

namespace lngeom::widgets {
namespace {

constexpr int kSpacing = 6;

}  // namespace

WrappingRow::WrappingRow(QWidget* parent) : QWidget(parent) {
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QHBoxLayout* WrappingRow::addGroup(bool stretches) {
    auto* group = new QWidget(this);
    auto* layout = new QHBoxLayout(group);
    layout->setContentsMargins(0, 0, 0, 0);
    groups_.push_back(group);
    stretches_.push_back(stretches);
    updateGeometry();
    return layout;
}

QSize WrappingRow::sizeHint() const {
    int width = 0;
    int height = 0;
    for (const QWidget* group : groups_) {
        width += group->sizeHint().width() + (width > 0 ? kSpacing : 0);
        height = std::max(height, group->sizeHint().height());
    }
    return {width, height};
}

QSize WrappingRow::minimumSizeHint() const {
    int width = 0;
    for (const QWidget* group : groups_) width = std::max(width, group->minimumSizeHint().width());
    return {width, flow(width, false)};
}

int WrappingRow::heightForWidth(int width) const { return flow(width, false); }

int WrappingRow::flow(int width, bool place) const {
    int x = 0;
    int y = 0;
    int lineHeight = 0;
    for (std::size_t index = 0; index < groups_.size(); ++index) {
        QWidget* group = groups_[index];
        const QSize size = group->sizeHint();
        if (x > 0 && x + size.width() > width) {
            x = 0;
            y += lineHeight + kSpacing;
            lineHeight = 0;
        }
        const int wide = stretches_[index] ? std::max(size.width(), width - x) : size.width();
        if (place) group->setGeometry(x, y, std::min(wide, std::max(width, 1)), size.height());
        x += wide + kSpacing;
        lineHeight = std::max(lineHeight, size.height());
    }
    return y + lineHeight;
}

void WrappingRow::resizeEvent(QResizeEvent* event) {
    flow(width(), true);
    QWidget::resizeEvent(event);
}

// A group's size changed (a label's text, a box's entries): the lines are laid out again, and
// the row's height may change with them.
bool WrappingRow::event(QEvent* event) {
    if (event->type() == QEvent::LayoutRequest) {
        flow(width(), true);
        updateGeometry();
    }
    return QWidget::event(event);
}

}  // namespace lngeom::widgets
