#include "widgets/table/token_table_model.h"

#include <QColor>
#include <QLocale>

#include <algorithm>
#include <cmath>

#include "core/columns/column_blocks.h"
#include "core/errors.h"
#include "core/io/token_labels.h"
#include "core/tokens/sort_keys.h"
#include "core/tokens/token_filter.h"
#include "core/tokens/token_sort.h"
#include "widgets/document/document_binding.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_description.h"
#include "widgets/document/token_selection.h"
#include "widgets/document/view_jobs.h"
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

// Rows fetched around the one asked for: a screenful and more, in one read per column.
constexpr int kPageBefore = 32;
constexpr int kPageAfter = 160;
constexpr std::size_t kCachedRows = 8192;

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

SortKeyReader tokenSortKeys(bool descending) {
    return [descending](Index first, std::span<std::uint32_t> keys) {
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const auto token = std::uint32_t(first + Index(i));
            keys[i] = descending ? ~token : token;
        }
    };
}

}  // namespace

// What a filter and sort need, taken on the GUI thread.
struct TokenTableModel::Order {
    std::shared_ptr<const ColumnSource> columns;
    std::shared_ptr<const Dump> dump;
    TokenFilter filter;
    int column = TokenColumn;
    std::optional<Metric> metric;
    bool descending = false;

    bool identity() const { return filter.empty() && column == TokenColumn && !descending; }

    SortKeyReader keys(const TextBlockReader& texts, const std::atomic<bool>& cancel) const {
        const DumpInfo& info = dump->info();
        if (metric) return metric_sort_keys(*columns, *metric, descending);
        if (column == TextColumn && texts)
            return text_sort_keys(texts, columns->n_tokens(), columns->block_rows(), descending,
                                  info.path, &cancel);
        const auto integers = [this](bool stored, auto read) -> SortKeyReader {
            if (!stored) return tokenSortKeys(descending);
            return integer_sort_keys(
                [dump = dump, read](Index first, Index count) {
                    return ((*dump).*read)(first, count);
                },
                descending);
        };
        if (column == SequenceColumn) return integers(info.has_sequence, &Dump::read_sequence);
        if (column == PositionColumn) return integers(info.has_position, &Dump::read_position);
        return tokenSortKeys(descending);
    }

    std::shared_ptr<const TokenRows> rows(const std::atomic<bool>& cancel) const {
        TextBlockReader texts;
        if (dump->info().has_tokens)
            texts = [dump = dump](Index first, Index count) {
                return dump->read_tokens(first, count);
            };
        const Index n = columns->n_tokens();
        const std::string& what = dump->info().path;
        TokenRows filtered = filter_rows(n, *columns, texts, filter, what, &cancel);
        if (column == TokenColumn && !descending)
            return std::make_shared<const TokenRows>(std::move(filtered));
        return std::make_shared<const TokenRows>(
            sort_rows(filtered, n, columns->block_rows(), keys(texts, cancel), what, &cancel));
    }
};

TokenTableModel::TokenTableModel(QObject* parent)
    : QAbstractTableModel(parent),
      binding_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { reload(); }, {}})),
      rows_(std::make_shared<const TokenRows>()),
      jobs_(std::make_unique<ViewJobs>(this, "the token table")) {}

TokenTableModel::~TokenTableModel() = default;

void TokenTableModel::setDocument(DumpDocument* document) { binding_->setDocument(document); }

DumpDocument* TokenTableModel::document() const { return binding_->document(); }

bool TokenTableModel::isComputing() const { return jobs_->busy(); }

void TokenTableModel::reload() {
    columns_.reset();
    dump_.reset();
    metrics_.clear();
    if (binding_->isReady()) {
        const SiteIndex site = binding_->document()->currentSite();
        columns_ = binding_->columns(site);
        dump_ = binding_->document()->dump();
        if (columns_) metrics_ = columns_->metrics();
        decimals_.clear();
        const auto& summaries = binding_->document()->metrics().summaries()[site];
        for (Metric metric : metrics_) {
            const auto column = std::size_t(column_of(metric));
            decimals_.push_back(column < summaries.metrics.size()
                                    ? columnDecimals(summaries.metrics[column])
                                    : kMaxDecimals);
        }
    }
    recomputeRows();
}

void TokenTableModel::setFilter(const TokenTableFilter& filter) {
    filter_ = filter;
    recomputeRows();
}

void TokenTableModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= FixedColumns + int(metrics_.size())) return;
    sortColumn_ = column;
    sortOrder_ = order;
    recomputeRows();
}

// Token order without a filter costs nothing; anything else is computed from the columns, off
// the GUI thread for a large site, while the table shows no rows and says what it is doing.
void TokenTableModel::recomputeRows() {
    if (!columns_ || !dump_) {
        jobs_->cancel();
        status_.clear();
        return showRows(std::make_shared<const TokenRows>());
    }
    Order order{columns_,
                dump_,
                {filter_.text.toStdString(), filter_.metric, filter_.range},
                sortColumn_,
                metricOf(sortColumn_),
                sortOrder_ == Qt::DescendingOrder};
    const Index n = columns_->n_tokens();
    try {
        if (!order.identity())
            require_sort_within_budget(n, binding_->document()->memoryBudget(), dump_->info().path);
    } catch (const RequestError& error) {
        jobs_->cancel();
        status_ = QString::fromUtf8(error.what());
        return showRows(std::make_shared<const TokenRows>(TokenRows::all(n)));
    }
    status_ = order.identity()
                  ? QString()
                  : tr("%1 %2 rows…")
                        .arg(order.filter.empty() ? tr("sorting") : tr("filtering and sorting"),
                             QLocale().toString(n));
    jobs_->run<std::shared_ptr<const TokenRows>>(
        order.identity() ? 0 : n,
        [order = std::move(order)](const std::atomic<bool>& cancel) {
            return order.identity() ? std::make_shared<const TokenRows>(
                                          TokenRows::all(order.columns->n_tokens()))
                                    : order.rows(cancel);
        },
        [this](std::shared_ptr<const TokenRows> rows) {
            status_.clear();
            showRows(std::move(rows));
        },
        [this](const QString& message) {
            status_ = message;
            showRows(std::make_shared<const TokenRows>());
        });
    if (jobs_->busy()) showRows(std::make_shared<const TokenRows>());
}

void TokenTableModel::showRows(std::shared_ptr<const TokenRows> rows) {
    beginResetModel();
    rows_ = std::move(rows);
    cache_.clear();
    endResetModel();
    emit rowsChanged();
}

std::optional<Metric> TokenTableModel::metricOf(int column) const {
    const int metric = column - FixedColumns;
    if (metric < 0 || metric >= int(metrics_.size())) return std::nullopt;
    return metrics_[std::size_t(metric)];
}

int TokenTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(std::min<Index>(rows_->size(), INT32_MAX));
}

int TokenTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : FixedColumns + int(metrics_.size());
}

// The values of the rows around `row`, read together: one read per metric and label window.
void TokenTableModel::fetchPage(int row) const {
    const int first = std::max(0, row - kPageBefore);
    const int last = std::min(rowCount(), row + kPageAfter);
    std::vector<Index> tokens;
    for (int r = first; r < last; ++r)
        if (!cache_.count(tokenAt(r))) tokens.push_back(tokenAt(r));
    std::sort(tokens.begin(), tokens.end());
    if (cache_.size() + tokens.size() > kCachedRows) cache_.clear();
    std::vector<std::vector<float>> values;
    for (Metric metric : metrics_) values.push_back(gather_values(*columns_, metric, tokens));
    const TokenLabels labels = gather_token_labels(*dump_, tokens);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        RowValues& cached = cache_[tokens[i]];
        if (!labels.text.empty()) cached.text = labels.text[i];
        if (!labels.sequence.empty()) cached.sequence = labels.sequence[i];
        if (!labels.position.empty()) cached.position = labels.position[i];
        for (const std::vector<float>& column : values) cached.values.push_back(column[i]);
    }
}

const TokenTableModel::RowValues& TokenTableModel::rowValues(int row) const {
    const Index token = tokenAt(row);
    auto found = cache_.find(token);
    if (found != cache_.end()) return found->second;
    fetchPage(row);
    return cache_[token];
}

QVariant TokenTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Index token = tokenAt(index.row());
    if (role == Qt::TextAlignmentRole && index.column() != TextColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && binding_->document()->selection()->contains(token))
        return kSelectionBackground;
    if (role != Qt::DisplayRole && role != RawValueRole) return {};
    try {
        const RowValues& values = rowValues(index.row());
        return role == Qt::DisplayRole ? display(values, token, index.column())
                                       : raw(values, token, index.column());
    } catch (const Error&) {
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("?")) : QVariant();
    }
}

QVariant TokenTableModel::raw(const RowValues& values, Index token, int column) const {
    if (metricOf(column)) {
        const auto at = std::size_t(column - FixedColumns);
        return at < values.values.size() ? QVariant(double(values.values[at])) : QVariant();
    }
    switch (column) {
        case TextColumn:
            return values.text ? QVariant(QString::fromStdString(*values.text)) : QVariant();
        case SequenceColumn:
            return values.sequence;
        case PositionColumn:
            return values.position;
        default:
            return QVariant::fromValue(qint64(token));
    }
}

QVariant TokenTableModel::display(const RowValues& values, Index token, int column) const {
    if (column == TextColumn) return values.text ? QVariant(visibleText(*values.text)) : QVariant();
    const QVariant value = raw(values, token, column);
    if (!metricOf(column) || !value.isValid()) return value;
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
