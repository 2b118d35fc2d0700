#pragma once
// Every token of a dump as a table row: index, text, sequence, position and the current site's
// metrics. Rows are token indices (none at all in token order; 4 bytes per row once filtered or
// sorted), filtered by text and a metric range and sorted by any column off the GUI thread for
// large sites. Cells read only the rows shown, a page at a time off the GUI thread
// (token_table_pages.h): until a row's page arrives its cells show placeholder().

#include <QAbstractTableModel>

#include <memory>
#include <optional>
#include <vector>

#include "core/charts/histogram_range.h"
#include "core/columns/column_source.h"
#include "core/metrics/metrics.h"
#include "core/tokens/token_rows.h"
#include "widgets/table/token_table_pages.h"

namespace lngeom {
class Dump;
}

namespace lngeom::widgets {

class DocumentBinding;
class DumpDocument;
class ViewJobs;

struct TokenTableFilter {
    QString text;                  // substring of the token text
    std::optional<Metric> metric;  // the metric `range` applies to
    std::optional<ValueRange> range;
};

class TokenTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum FixedColumn { TokenColumn, TextColumn, SequenceColumn, PositionColumn, FixedColumns };
    // Qt::UserRole gives the raw value: token index, text, integer, or the metric as double,
    // read at once when its page has not arrived yet. Only code that needs a value now asks for
    // it (tests, the benchmarks): views paint Qt::DisplayRole, and QAbstractItemModel::itemData
    // (copy, drag) stops below Qt::UserRole, so painting never reads on the GUI thread.
    // Qt::BackgroundRole marks the tokens of the document's selection.
    static constexpr int RawValueRole = Qt::UserRole;
    // What a cell shows while its row's values are being read.
    static QString placeholder();

    explicit TokenTableModel(QObject* parent = nullptr);
    ~TokenTableModel() override;

    void setDocument(DumpDocument* document);
    DumpDocument* document() const;

    void setFilter(const TokenTableFilter& filter);
    const TokenTableFilter& filter() const { return filter_; }
    int sortColumn() const { return sortColumn_; }
    Qt::SortOrder sortOrder() const { return sortOrder_; }

    Index tokenAt(int row) const { return rows_->token_at(row); }
    // The rows shown as tokens (for the view's selection): all rows in order, or the list.
    std::shared_ptr<const TokenRows> rows() const { return rows_; }
    // The metric a column shows, or nullopt for the fixed columns.
    std::optional<Metric> metricOf(int column) const;
    // The rows are being filtered or sorted off the GUI thread; `status` says what and why.
    bool isComputing() const;
    const QString& status() const { return status_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

  signals:
    // New rows are shown (after a filter, a sort or a change of site), or computing them failed.
    void rowsChanged();
    // status() changed while the rows stay shown (the rows being sorted again).
    void statusChanged();

  private:
    struct Order;
    struct Shown;

    void reload();
    // `reorder`: the rows stay the same, only their order changes.
    void recomputeRows(bool reorder = false);
    void runOrder(Order order);
    void showRows(std::shared_ptr<const TokenRows> rows, TokenPage seed = {});
    TokenPageSource pageSource() const;
    QVariant rawNow(const QModelIndex& index) const;
    QVariant shown(const QModelIndex& index) const;
    QVariant display(const TokenRowValues& values, Index token, int column) const;
    QVariant raw(const TokenRowValues& values, Index token, int column) const;

    std::unique_ptr<DocumentBinding> binding_;
    std::shared_ptr<const ColumnSource> columns_;
    std::shared_ptr<const Dump> dump_;
    std::vector<Metric> metrics_;
    std::vector<int> decimals_;  // per metric column: the same for every row
    std::shared_ptr<const TokenRows> rows_;
    // Reading values changes what is cached, not what the model shows: data() stays const.
    std::unique_ptr<TokenTablePages> pages_;
    TokenTableFilter filter_;
    int sortColumn_ = TokenColumn;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
    QString status_;
    std::unique_ptr<ViewJobs> jobs_;  // last: its worker is joined before the rest goes
};

}  // namespace lngeom::widgets
