#include "widgets/table/token_table_view.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

#include "core/tokens/token_order.h"
#include "widgets/document/document_binding.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"
#include "widgets/document/view_jobs.h"

namespace lngeom::widgets {
namespace {

constexpr int kNoRangeFilter = -1;
// A selection made elsewhere becomes the table's row selection up to this many row ranges;
// beyond, Qt's selection model grows slow, and the model's background marks the rows alone.
constexpr std::size_t kMaxSelectedRanges = 5000;
// Tokens of a selection looked up as rows in token order (their runs decide as above).
constexpr Index kMaxMappedTokens = Index(1) << 20;

// The runs' rows inside `window` as a selection of its whole rows.
QItemSelection rowSelection(const TokenTableWindow& window,
                            const std::vector<std::pair<std::int64_t, std::int64_t>>& runs) {
    QItemSelection selection;
    const int lastColumn = window.columnCount() - 1;
    const Index base = window.base(), end = base + window.rowCount();
    for (const auto& [first, last] : runs) {
        const Index top = std::max<Index>(first, base), bottom = std::min<Index>(last, end - 1);
        if (top <= bottom)
            selection.select(window.index(int(top - base), 0),
                             window.index(int(bottom - base), lastColumn));
    }
    return selection;
}

}  // namespace

TokenTableView::TokenTableView(QWidget* parent, int windowRows)
    : QWidget(parent),
      model_(new TokenTableModel(this)),
      window_(new TokenTableWindow(model_, windowRows, this)),
      binding_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { readSelection(nullptr); },
                                           [this](QObject* source) { readSelection(source); }})),
      table_(new QTableView),
      rowScroll_(new QScrollBar(Qt::Vertical)),
      selectionJobs_(std::make_unique<ViewJobs>(this, "the token table's selection")) {
    buildControls();
    binding_->showStateOver(table_);
    table_->setModel(window_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(TokenTableModel::TokenColumn, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, so millions of them scroll smoothly.
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->horizontalHeader()->setDefaultSectionSize(92);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { writeSelection(); });
    connect(model_, &TokenTableModel::rowsChanged, this, [this] {
        showFilterInControls();
        readSelection(nullptr);
    });
    connect(model_, &TokenTableModel::statusChanged, this, [this] { updateCount(); });
    // A new order shows its top rows, which its sort has read already.
    connect(table_->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this] { scrollToRow(0); });
    connect(window_, &QAbstractItemModel::modelReset, this, [this] { updateRowScrollBar(); });
    // The table's own bar gives its page (the rows in view) and follows wheel and keys.
    QScrollBar* tableScroll = table_->verticalScrollBar();
    connect(tableScroll, &QScrollBar::rangeChanged, this, [this] { updateRowScrollBar(); });
    connect(tableScroll, &QScrollBar::valueChanged, this,
            [this](int value) { followTableScroll(value); });
    connect(rowScroll_, &QScrollBar::valueChanged, this, [this](int row) { scrollToRow(row); });
    table_->installEventFilter(this);
    updateRowScrollBar();
}

TokenTableView::~TokenTableView() = default;

void TokenTableView::buildControls() {
    search_ = new QLineEdit;
    search_->setPlaceholderText(tr("Search token text"));
    search_->setClearButtonEnabled(true);
    rangeMetric_ = new QComboBox;
    rangeMetric_->addItem(tr("No range filter"), kNoRangeFilter);
    for (const MetricDescription& description : metric_descriptions())
        rangeMetric_->addItem(
            QString::fromUtf8(description.label.data(), qsizetype(description.label.size())),
            int(description.metric));
    low_ = new QDoubleSpinBox;
    high_ = new QDoubleSpinBox;
    for (QDoubleSpinBox* box : {low_, high_}) {
        box->setRange(-1e12, 1e12);
        box->setDecimals(3);
        box->setKeyboardTracking(false);
    }
    high_->setValue(180.0);
    count_ = new QLabel;
    auto* controls = new QHBoxLayout;
    controls->addWidget(search_, 2);
    controls->addWidget(rangeMetric_, 1);
    controls->addWidget(low_);
    controls->addWidget(new QLabel(tr("to")));
    controls->addWidget(high_);
    controls->addWidget(count_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(controls);
    auto* rows = new QHBoxLayout;
    rows->setSpacing(0);
    rows->addWidget(table_, 1);
    rows->addWidget(rowScroll_);
    layout->addLayout(rows, 1);
    connect(search_, &QLineEdit::textChanged, this, [this] { applyFilterControls(); });
    connect(rangeMetric_, &QComboBox::activated, this, [this] { applyFilterControls(); });
    connect(low_, &QDoubleSpinBox::valueChanged, this, [this] { applyFilterControls(); });
    connect(high_, &QDoubleSpinBox::valueChanged, this, [this] { applyFilterControls(); });
}

void TokenTableView::setDocument(DumpDocument* document) {
    model_->setDocument(document);
    binding_->setDocument(document);
}

DumpDocument* TokenTableView::document() const { return binding_->document(); }

void TokenTableView::setSettings(const TokenTableSettings& settings) {
    model_->setFilter(settings.filter);
    table_->sortByColumn(settings.sortColumn, settings.sortOrder);
}

TokenTableSettings TokenTableView::settings() const {
    return {model_->filter(), model_->sortColumn(), model_->sortOrder()};
}

void TokenTableView::applyFilterControls() {
    TokenTableFilter filter;
    filter.text = search_->text();
    const int metric = rangeMetric_->currentData().toInt();
    if (metric != kNoRangeFilter) {
        filter.metric = Metric(metric);
        filter.range = ValueRange{low_->value(), high_->value()};
    }
    model_->setFilter(filter);
}

void TokenTableView::showFilterInControls() {
    const TokenTableFilter& filter = model_->filter();
    const QSignalBlocker blockSearch(search_), blockMetric(rangeMetric_), blockLow(low_),
        blockHigh(high_);
    search_->setText(filter.text);
    rangeMetric_->setCurrentIndex(filter.metric ? rangeMetric_->findData(int(*filter.metric)) : 0);
    if (filter.range) {
        low_->setValue(filter.range->low);
        high_->setValue(filter.range->high);
    }
}

void TokenTableView::writeSelection() {
    if (applyingSelection_ || !binding_->isReady()) return;
    std::vector<Index> tokens;
    selectedRuns_.clear();
    for (const QItemSelectionRange& range : table_->selectionModel()->selection()) {
        const Index top = window_->sourceRow(range.top()),
                    bottom = window_->sourceRow(range.bottom());
        selectedRuns_.emplace_back(top, bottom);
        for (Index row = top; row <= bottom; ++row) tokens.push_back(model_->tokenAt(int(row)));
    }
    binding_->document()->selection()->setTokens(tokens, this);
    updateCount();
}

// A selection made elsewhere becomes the table's row selection when it is small enough; finding
// its rows in a sorted table of a large site takes a pass over the rows, off the GUI thread.
void TokenTableView::readSelection(QObject* source) {
    updateCount();
    if (source == this || !binding_->isReady() || !binding_->document()->selection()) return;
    table_->viewport()->update();
    auto selection = binding_->document()->selection()->snapshot();
    auto rows = model_->rows();
    // In token order rows are tokens: many can be mapped at once; otherwise only a few.
    const Index limit = rows->is_identity() ? kMaxMappedTokens : Index(kMaxSelectedRanges);
    const bool mapped = selection->count() <= limit;
    selectionJobs_->run<std::vector<std::int64_t>>(
        mapped && !rows->is_identity() ? rows->size() : 0,
        [selection, rows, mapped, limit](const std::atomic<bool>&) {
            return mapped ? rows->rows_of(*selection, std::size_t(limit))
                          : std::vector<std::int64_t>{};
        },
        [this, rows](std::vector<std::int64_t> found) {
            if (rows == model_->rows()) showSelectedRows(std::move(found));
        });
}

void TokenTableView::showSelectedRows(std::vector<std::int64_t> rows) {
    auto runs = consecutive_runs(rows);
    if (runs.size() > kMaxSelectedRanges) runs.clear();
    selectedRuns_ = std::move(runs);
    if (!rows.empty() && window_->rowOf(rows.front()) < 0) moveWindowAround(rows.front());
    selectRunsInWindow();
    if (!rows.empty()) table_->scrollTo(window_->index(window_->rowOf(rows.front()), 0));
}

void TokenTableView::selectRunsInWindow() {
    applyingSelection_ = true;
    table_->selectionModel()->select(rowSelection(*window_, selectedRuns_),
                                     QItemSelectionModel::ClearAndSelect);
    applyingSelection_ = false;
}

void TokenTableView::updateCount() {
    const bool ready = binding_->isReady() && binding_->document()->selection();
    const Index total = ready ? binding_->document()->info().n_tokens : 0;
    const Index selected = ready ? binding_->document()->selection()->count() : 0;
    const QLocale locale;
    const QString counts = tr("%1 of %2 tokens shown, %3 selected")
                               .arg(locale.toString(model_->rowCount()), locale.toString(total),
                                    locale.toString(selected));
    count_->setText(model_->status().isEmpty() ? counts : model_->status() + " · " + counts);
}

// Over more rows than the window holds, the table's own bar hides (it still follows the wheel
// and keys) and the view's bar spans every row; the table's range gives the rows in view.
void TokenTableView::updateRowScrollBar() {
    const bool windowed = window_->isWindowed();
    table_->setVerticalScrollBarPolicy(windowed ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    rowScroll_->setVisible(windowed);
    if (!windowed) return;
    const QScrollBar* tableScroll = table_->verticalScrollBar();
    const QSignalBlocker block(rowScroll_);
    const Index hidden = window_->sourceRows() - window_->rowCount();
    rowScroll_->setRange(0, int(std::min<Index>(tableScroll->maximum() + hidden, INT32_MAX)));
    rowScroll_->setPageStep(tableScroll->pageStep());
    rowScroll_->setSingleStep(1);
    rowScroll_->setValue(int(window_->base() + tableScroll->value()));
}

void TokenTableView::scrollToRow(Index row) {
    if (window_->isWindowed() && nearWindowEdge(window_->rowOf(row))) moveWindowAround(row);
    const int top = window_->rowOf(row);
    if (top < 0) return;
    scrolling_ = true;
    table_->verticalScrollBar()->setValue(top);
    scrolling_ = false;
    const QSignalBlocker block(rowScroll_);
    rowScroll_->setValue(int(row));
}

// Outside the window, or within an eighth of it from an edge the site's rows go on past.
bool TokenTableView::nearWindowEdge(int top) const {
    const int margin = window_->maxRows() / 8;
    const int last = table_->verticalScrollBar()->maximum();
    const bool rowsBefore = window_->base() > 0;
    const bool rowsAfter = window_->base() + window_->rowCount() < window_->sourceRows();
    return top < 0 || (top < margin && rowsBefore) || (top > last - margin && rowsAfter);
}

// The wheel, keys or a scrollTo moved the table: the view's bar follows, and the window moves
// before the table reaches its edge.
void TokenTableView::followTableScroll(int value) {
    if (scrolling_ || !window_->isWindowed()) return;
    scrollToRow(window_->sourceRow(value));
}

// Centres the window on `row`; the table's current row and selection stay on their model rows.
void TokenTableView::moveWindowAround(Index row) {
    const QModelIndex current = table_->currentIndex();
    const Index currentRow = current.isValid() ? window_->sourceRow(current.row()) : -1;
    if (!window_->setBase(row - window_->maxRows() / 2)) return;
    selectRunsInWindow();
    const int currentInWindow = currentRow < 0 ? -1 : window_->rowOf(currentRow);
    table_->selectionModel()->setCurrentIndex(
        currentInWindow < 0 ? QModelIndex() : window_->index(currentInWindow, current.column()),
        QItemSelectionModel::NoUpdate);
}

// Ctrl+Home and Ctrl+End go to the first and last of every row, not of the window's.
bool TokenTableView::eventFilter(QObject* watched, QEvent* event) {
    if (watched != table_ || event->type() != QEvent::KeyPress || !window_->isWindowed())
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (!(key->modifiers() & Qt::ControlModifier) ||
        (key->key() != Qt::Key_Home && key->key() != Qt::Key_End))
        return QWidget::eventFilter(watched, event);
    goToRow(key->key() == Qt::Key_Home ? 0 : window_->sourceRows() - 1);
    return true;
}

// Makes `row` the current row, shown, as the table's own Ctrl+Home / Ctrl+End would.
void TokenTableView::goToRow(Index row) {
    scrollToRow(row);
    const QModelIndex current = table_->currentIndex();
    const QModelIndex target = window_->index(window_->rowOf(row), std::max(current.column(), 0));
    table_->selectionModel()->setCurrentIndex(
        target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->scrollTo(target);
}

}  // namespace lngeom::widgets
