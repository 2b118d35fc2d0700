#pragma once
// The rows of a TokenTableModel that its QTableView is given: all of them up to maxRows(), else
// maxRows() consecutive rows from base(), which TokenTableView moves with its own scroll bar.
// QHeaderView keeps a record of every row, laid out again whenever the row count changes, and
// places rows at int pixel offsets: at 100M rows that is 765 MB and 0.7 s on the GUI thread, and
// the offsets overflow past about 89M rows of 24 px, so the rows past them cannot be reached.

#include <QAbstractTableModel>

#include "core/tokens/token_rows.h"

namespace lngeom::widgets {

class TokenTableModel;

class TokenTableWindow : public QAbstractTableModel {
    Q_OBJECT
  public:
    // 2^20 rows: QHeaderView lays them out in about 8 ms; a site of up to a million tokens is
    // never windowed.
    static constexpr int kDefaultMaxRows = 1 << 20;

    TokenTableWindow(TokenTableModel* source, int maxRows, QObject* parent = nullptr);

    TokenTableModel* source() const { return source_; }
    int maxRows() const { return maxRows_; }
    Index sourceRows() const;
    bool isWindowed() const { return sourceRows() > maxRows_; }
    // The source row of this model's row 0.
    Index base() const { return base_; }
    Index sourceRow(int row) const { return base_ + row; }
    // This model's row of a source row, or -1 outside the window.
    int rowOf(Index sourceRow) const;
    // Shows the rows from `base` (clamped so the window stays full); false if it did not move.
    bool setBase(Index base);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

  private:
    Index clampedBase(Index base) const;
    void forwardDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                            const QList<int>& roles);

    TokenTableModel* source_;
    int maxRows_;
    Index base_ = 0;
};

}  // namespace lngeom::widgets
