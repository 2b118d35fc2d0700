#include "widgets/table/token_table_model.h"

#include <QColor>
#include <QLocale>

#include <algorithm>
#include <cmath>

#include "core/errors.h"
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

// New rows, with the values of their first page when they were computed off the GUI thread.
struct TokenTableModel::Shown {
    std::shared_ptr<const TokenRows> rows;
    TokenPage firstPage;
};

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

    Shown shown(const TokenPageSource& source, bool readFirst,
                const std::atomic<bool>& cancel) const {
        if (identity())
            return {std::make_shared<const TokenRows>(TokenRows::all(columns->n_tokens())), {}};
        auto computed = rows(cancel);
        return {computed, readFirst ? readFirstPage(source, *computed) : TokenPage{}};
    }
};

TokenTableModel::TokenTableModel(QObject* parent)
    : QAbstractTableModel(parent),
      binding_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { reload(); }, {}})),
      rows_(std::make_shared<const TokenRows>()),
      pages_(std::make_unique<TokenTablePages>(
          this,
          [this](int first, int last) {
              emit dataChanged(index(first, 0), index(last - 1, columnCount() - 1),
                               {Qt::DisplayRole});
          })),
      jobs_(std::make_unique<ViewJobs>(this, "the token table")) {}

TokenTableModel::~TokenTableModel() = default;

QString TokenTableModel::placeholder() { return QStringLiteral("…"); }

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
    recomputeRows(true);
}

// Token order without a filter costs nothing; anything else is computed from the columns, off
// the GUI thread for a large site, while the table says what it is doing. Meanwhile a new filter
// or site shows no rows; a new order of the same rows keeps them, so the table's row count does
// not change: QHeaderView lays out every row when the count changes (0.1 s at 10M rows).
void TokenTableModel::recomputeRows(bool reorder) {
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
    runOrder(std::move(order));
    if (!jobs_->busy()) return;
    if (reorder)
        emit statusChanged();
    else
        showRows(std::make_shared<const TokenRows>());
}

void TokenTableModel::runOrder(Order order) {
    // Taken before `order` moves into the job: arguments are evaluated in no set order.
    const Index rowsRead = order.identity() ? 0 : order.columns->n_tokens();
    // The first page is read with the rows on the worker only: on the GUI thread it would cost
    // what reading it while painting does (scattered rows: a block of every column for each).
    const bool readFirst = !ViewJobs::runsInline(rowsRead);
    jobs_->run<Shown>(
        rowsRead,
        [order = std::move(order), source = pageSource(), readFirst](
            const std::atomic<bool>& cancel) { return order.shown(source, readFirst, cancel); },
        [this](Shown shown) {
            status_.clear();
            showRows(std::move(shown.rows), std::move(shown.firstPage));
        },
        [this](const QString& message) {
            status_ = message;
            showRows(std::make_shared<const TokenRows>());
        });
}

void TokenTableModel::showRows(std::shared_ptr<const TokenRows> rows, TokenPage seed) {
    beginResetModel();
    rows_ = std::move(rows);
    pages_->reset(pageSource(), rows_, std::move(seed));
    endResetModel();
    emit rowsChanged();
}

TokenPageSource TokenTableModel::pageSource() const { return {columns_, dump_, metrics_}; }

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

QVariant TokenTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (role == Qt::TextAlignmentRole && index.column() != TextColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole &&
        binding_->document()->selection()->contains(tokenAt(index.row())))
        return kSelectionBackground;
    if (role == RawValueRole) return rawNow(index);
    return role == Qt::DisplayRole ? shown(index) : QVariant();
}

QVariant TokenTableModel::rawNow(const QModelIndex& index) const {
    try {
        const TokenRowValues& values = pages_->readNow(index.row());
        return values.failed ? QVariant() : raw(values, tokenAt(index.row()), index.column());
    } catch (const Error&) {
        return {};
    }
}

// The token index needs no read; other cells wait for their row's page.
QVariant TokenTableModel::shown(const QModelIndex& index) const {
    const Index token = tokenAt(index.row());
    if (index.column() == TokenColumn) return QVariant::fromValue(qint64(token));
    const TokenRowValues* values = pages_->find(index.row());
    if (!values) return placeholder();
    return values->failed ? QStringLiteral("?") : display(*values, token, index.column());
}

QVariant TokenTableModel::raw(const TokenRowValues& values, Index token, int column) const {
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

QVariant TokenTableModel::display(const TokenRowValues& values, Index token, int column) const {
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
