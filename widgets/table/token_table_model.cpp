#include "widgets/table/token_table_model.h"

#include <QColor>

#include <algorithm>
#include <cmath>

#include "core/metrics/metric_values.h"
#include "core/tokens/token_order.h"
#include "widgets/document/document_binding.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"
#include "widgets/support/selection_colour.h"

namespace lngeom::widgets {
namespace {

// A column's numbers share their decimals, enough for five significant digits of its largest
// value (93.30 and 104.46 for angles, 0.00710 and 0.24079 for |cos θ|), so they line up.
constexpr int kMaxDecimals = 8;

int columnDecimals(const Summary& summary) {
    const double largest = std::max(std::abs(summary.min), std::abs(summary.max));
    if (!std::isfinite(largest) || largest == 0) return kMaxDecimals / 2;
    return std::clamp(4 - int(std::floor(std::log10(largest))), 0, kMaxDecimals);
}

// The views' selection orange, light enough to read text on.

// Whitespace made visible: character-level tokens are often a space or a newline.
QString visibleText(const std::string& text) {
    QString shown = QString::fromStdString(text);
    shown.replace(QLatin1Char('\n'), QStringLiteral("⏎"));
    shown.replace(QLatin1Char('\t'), QStringLiteral("⇥"));
    shown.replace(QLatin1Char(' '), QStringLiteral("␣"));
    return shown;
}

QString fixedHeader(int column) {
    switch (column) {
        case TokenTableModel::TokenColumn:
            return QStringLiteral("token");
        case TokenTableModel::TextColumn:
            return QStringLiteral("text");
        case TokenTableModel::SequenceColumn:
            return QStringLiteral("sequence");
        default:
            return QStringLiteral("position");
    }
}

}  // namespace

TokenTableModel::TokenTableModel(QObject* parent)
    : QAbstractTableModel(parent),
      binding_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { reload(); }, {}})) {}

TokenTableModel::~TokenTableModel() = default;

void TokenTableModel::setDocument(DumpDocument* document) { binding_->setDocument(document); }

DumpDocument* TokenTableModel::document() const { return binding_->document(); }

void TokenTableModel::reload() {
    beginResetModel();
    columns_.reset();
    metrics_.clear();
    if (binding_->isReady()) {
        const SiteIndex site = binding_->document()->currentSite();
        columns_ = binding_->columns(site);
        metrics_ = site_metrics(binding_->document()->info().sites[site].has_output);
        decimals_.clear();
        const auto& summaries = binding_->document()->metrics().summaries()[site];
        for (Metric metric : metrics_) {
            const auto column = std::size_t(column_of(metric));
            decimals_.push_back(column < summaries.metrics.size()
                                    ? columnDecimals(summaries.metrics[column])
                                    : kMaxDecimals);
        }
    }
    rebuildRows();
    endResetModel();
}

void TokenTableModel::setFilter(const TokenTableFilter& filter) {
    beginResetModel();
    filter_ = filter;
    rebuildRows();
    endResetModel();
}

void TokenTableModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= columnCount()) return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<Index> tokens;
    for (const QModelIndex& index : before) tokens.push_back(tokenAt(index.row()));
    sortColumn_ = column;
    sortOrder_ = order;
    sortRows();
    QModelIndexList after;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        after.push_back(index(rowOf(tokens[i]), before[int(i)].column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void TokenTableModel::rebuildRows() {
    rows_.clear();
    if (columns_) {
        const auto& labels = binding_->document()->labels();
        TokenFilter filter{filter_.text.toStdString(), {}, filter_.range};
        if (filter_.metric) filter.values = valuesOf(*filter_.metric);
        rows_ = filter_tokens(columns_->values.rows(), labels.text, filter);
    }
    sortRows();
}

void TokenTableModel::sortRows() {
    rowOfToken_.clear();
    const bool descending = sortOrder_ == Qt::DescendingOrder;
    if (!columns_) return;
    const auto& labels = binding_->document()->labels();
    if (const auto metric = metricOf(sortColumn_))
        sort_by_values(rows_, valuesOf(*metric), descending);
    else if (sortColumn_ == TextColumn && !labels.text.empty())
        sort_by_texts(rows_, labels.text, descending);
    else if (sortColumn_ == SequenceColumn && !labels.sequence.empty())
        sort_by_integers(rows_, labels.sequence, descending);
    else if (sortColumn_ == PositionColumn && !labels.position.empty())
        sort_by_integers(rows_, labels.position, descending);
    else
        std::sort(rows_.begin(), rows_.end(),
                  [descending](Index a, Index b) { return descending ? b < a : a < b; });
}

int TokenTableModel::rowOf(Index token) const {
    if (!columns_ || token < 0 || token >= columns_->values.rows()) return -1;
    if (rowOfToken_.empty()) rowOfToken_ = positions_of(columns_->values.rows(), rows_);
    return int(rowOfToken_[std::size_t(token)]);
}

std::optional<Metric> TokenTableModel::metricOf(int column) const {
    const int metric = column - FixedColumns;
    if (metric < 0 || metric >= int(metrics_.size())) return std::nullopt;
    return metrics_[std::size_t(metric)];
}

std::span<const float> TokenTableModel::valuesOf(Metric metric) const {
    return columns_ ? metric_values(*columns_, metric) : std::span<const float>{};
}

int TokenTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int TokenTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : FixedColumns + int(metrics_.size());
}

QVariant TokenTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Index token = tokenAt(index.row());
    if (role == Qt::DisplayRole) return display(token, index.column());
    if (role == RawValueRole) return raw(token, index.column());
    if (role == Qt::TextAlignmentRole && index.column() != TextColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && binding_->document()->selection()->contains(token))
        return kSelectionBackground;
    return {};
}

QVariant TokenTableModel::raw(Index token, int column) const {
    const auto& labels = binding_->document()->labels();
    const auto at = std::size_t(token);
    if (const auto metric = metricOf(column)) return double(valuesOf(*metric)[at]);
    switch (column) {
        case TextColumn:
            return at < labels.text.size() ? QString::fromStdString(labels.text[at]) : QVariant();
        case SequenceColumn:
            return at < labels.sequence.size() ? QVariant(labels.sequence[at]) : QVariant();
        case PositionColumn:
            return at < labels.position.size() ? QVariant(labels.position[at]) : QVariant();
        default:
            return QVariant::fromValue(qint64(token));
    }
}

QVariant TokenTableModel::display(Index token, int column) const {
    const auto& texts = binding_->document()->labels().text;
    if (column == TextColumn)
        return std::size_t(token) < texts.size() ? visibleText(texts[std::size_t(token)])
                                                 : QVariant();
    const QVariant value = raw(token, column);
    if (!metricOf(column)) return value;
    const double number = value.toDouble();
    const auto metric = std::size_t(column - FixedColumns);
    return std::isnan(number) ? QStringLiteral("—")
                              : QString::number(number, 'f', decimals_[metric]);
}

QVariant TokenTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
    const auto metric = metricOf(section);
    if (role == Qt::DisplayRole)
        return metric ? QString::fromUtf8(describe(*metric).label.data(),
                                          qsizetype(describe(*metric).label.size()))
                      : fixedHeader(section);
    if (role == Qt::ToolTipRole && metric)
        return QString::fromUtf8(describe(*metric).definition.data(),
                                 qsizetype(describe(*metric).definition.size()));
    return {};
}

}  // namespace lngeom::widgets
