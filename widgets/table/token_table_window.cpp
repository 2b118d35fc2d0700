#include "widgets/table/token_table_window.h"

#include <algorithm>

#include "widgets/table/token_table_model.h"

namespace lngeom::widgets {

TokenTableWindow::TokenTableWindow(TokenTableModel* source, int maxRows, QObject* parent)
    : QAbstractTableModel(parent), source_(source), maxRows_(std::max(maxRows, 1)) {
    connect(source_, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(source_, &QAbstractItemModel::modelReset, this, [this] {
        base_ = clampedBase(base_);
        endResetModel();
    });
    connect(source_, &QAbstractItemModel::dataChanged, this, &TokenTableWindow::forwardDataChanged);
    connect(source_, &QAbstractItemModel::headerDataChanged, this,
            &QAbstractItemModel::headerDataChanged);
}

Index TokenTableWindow::sourceRows() const { return source_->rowCount(); }

int TokenTableWindow::rowOf(Index sourceRow) const {
    return sourceRow >= base_ && sourceRow < base_ + rowCount() ? int(sourceRow - base_) : -1;
}

Index TokenTableWindow::clampedBase(Index base) const {
    return std::clamp<Index>(base, 0, std::max<Index>(sourceRows() - maxRows_, 0));
}

// The row count stays, so the view keeps its rows' layout and repaints what it shows.
bool TokenTableWindow::setBase(Index base) {
    base = clampedBase(base);
    if (base == base_) return false;
    base_ = base;
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    return true;
}

int TokenTableWindow::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(std::min<Index>(sourceRows(), maxRows_));
}

int TokenTableWindow::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : source_->columnCount();
}

QVariant TokenTableWindow::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    return source_->index(int(sourceRow(index.row())), index.column()).data(role);
}

QVariant TokenTableWindow::headerData(int section, Qt::Orientation orientation, int role) const {
    return source_->headerData(section, orientation, role);
}

void TokenTableWindow::sort(int column, Qt::SortOrder order) { source_->sort(column, order); }

void TokenTableWindow::forwardDataChanged(const QModelIndex& topLeft,
                                          const QModelIndex& bottomRight, const QList<int>& roles) {
    const Index first = std::max<Index>(topLeft.row(), base_);
    const Index last = std::min<Index>(bottomRight.row(), base_ + rowCount() - 1);
    if (first > last) return;
    emit dataChanged(index(int(first - base_), topLeft.column()),
                     index(int(last - base_), bottomRight.column()), roles);
}

}  // namespace lngeom::widgets
