#include "widgets/table/token_table_view.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
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

// Row runs as a selection of whole rows.
QItemSelection rowSelection(const QAbstractItemModel& model,
                            const std::vector<std::pair<std::int64_t, std::int64_t>>& runs) {
    QItemSelection selection;
    const int lastColumn = model.columnCount() - 1;
    for (const auto& [first, last] : runs)
        selection.select(model.index(int(first), 0), model.index(int(last), lastColumn));
    return selection;
}

}  // namespace

TokenTableView::TokenTableView(QWidget* parent)
    : QWidget(parent),
      model_(new TokenTableModel(this)),
      binding_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { readSelection(nullptr); },
                                           [this](QObject* source) { readSelection(source); }})),
      table_(new QTableView),
      selectionJobs_(std::make_unique<ViewJobs>(this, "the token table's selection")) {
    buildControls();
    binding_->showStateOver(table_);
    table_->setModel(model_);
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
    connect(table_->horizontalHeader(), &QHeaderView::sortIndicatorChanged, table_,
            &QTableView::scrollToTop);
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
    layout->addWidget(table_, 1);
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
    for (const QItemSelectionRange& range : table_->selectionModel()->selection())
        for (int row = range.top(); row <= range.bottom(); ++row)
            tokens.push_back(model_->tokenAt(row));
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
    const auto runs = consecutive_runs(rows);
    applyingSelection_ = true;
    if (runs.size() <= kMaxSelectedRanges)
        table_->selectionModel()->select(rowSelection(*model_, runs),
                                         QItemSelectionModel::ClearAndSelect);
    else
        table_->selectionModel()->clearSelection();
    applyingSelection_ = false;
    if (!runs.empty()) table_->scrollTo(model_->index(int(runs.front().first), 0));
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

}  // namespace lngeom::widgets
