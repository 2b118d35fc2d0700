#pragma once
// Every token of a dump as a table row: index, text, sequence, position and the current site's
// metrics. Rows are token indices into the document's labels and metric columns (nothing per
// row is copied), filtered by text and a metric range and sorted by any column.

#include <QAbstractTableModel>

#include <memory>
#include <optional>
#include <vector>

#include "core/charts/histogram_range.h"
#include "core/metrics/metrics.h"
#include "core/metrics/metrics_pass.h"

namespace lngeom::widgets {

class DocumentBinding;
class DumpDocument;

struct TokenTableFilter {
    QString text;                  // substring of the token text
    std::optional<Metric> metric;  // the metric `range` applies to
    std::optional<ValueRange> range;
};

class TokenTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum FixedColumn { TokenColumn, TextColumn, SequenceColumn, PositionColumn, FixedColumns };
    // Qt::UserRole gives the raw value: token index, text, integer, or the metric as double.
    // Qt::BackgroundRole marks the tokens of the document's selection.
    static constexpr int RawValueRole = Qt::UserRole;

    explicit TokenTableModel(QObject* parent = nullptr);
    ~TokenTableModel() override;

    void setDocument(DumpDocument* document);
    DumpDocument* document() const;

    void setFilter(const TokenTableFilter& filter);
    const TokenTableFilter& filter() const { return filter_; }
    int sortColumn() const { return sortColumn_; }
    Qt::SortOrder sortOrder() const { return sortOrder_; }

    Index tokenAt(int row) const { return rows_[std::size_t(row)]; }
    // The row showing `token`, or -1 when the filter hides it.
    int rowOf(Index token) const;
    // The metric a column shows, or nullopt for the fixed columns.
    std::optional<Metric> metricOf(int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

  private:
    void reload();
    void rebuildRows();
    void sortRows();
    QVariant display(Index token, int column) const;
    QVariant raw(Index token, int column) const;
    std::span<const float> valuesOf(Metric metric) const;

    std::unique_ptr<DocumentBinding> binding_;
    std::shared_ptr<const SiteColumns> columns_;
    std::vector<Metric> metrics_;
    std::vector<int> decimals_;  // per metric column: the same for every row
    std::vector<Index> rows_;
    mutable std::vector<std::int64_t> rowOfToken_;  // filled on first use after a rebuild
    TokenTableFilter filter_;
    int sortColumn_ = TokenColumn;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
};

}  // namespace lngeom::widgets
