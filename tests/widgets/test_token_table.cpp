// The token table on the LayerNorm sample: a well-behaved Qt model over the document's labels
// and metric columns, sorting and filtering by index, and row selection linked both ways. Cells
// show a placeholder until their page is read off the GUI thread.

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QScopeGuard>
#include <QScrollBar>
#include <QTableView>
#include <QtTest>

#include <atomic>
#include <cmath>

#include "core/errors.h"
#include "core/tokens/token_order.h"
#include "tests/widgets/image_checks.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/document/token_description.h"
#include "widgets/document/token_selection.h"
#include "widgets/document/view_jobs.h"
#include "widgets/table/token_table_model.h"
#include "widgets/table/token_table_pages.h"
#include "widgets/table/token_table_view.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

int columnOf(const TokenTableModel& model, Metric metric) {
    for (int column = 0; column < model.columnCount(); ++column)
        if (model.metricOf(column) == metric) return column;
    return -1;
}

// What a cell shows once its row's page has arrived.
QString shownWhenRead(const QModelIndex& cell) {
    QString shown;
    // On a timeout the placeholder comes back, and the caller's comparison fails.
    static_cast<void>(QTest::qWaitFor(
        [&] {
            shown = cell.data().toString();
            return shown != TokenTableModel::placeholder();
        },
        5000));
    return shown;
}

// A site's columns whose every read fails, as a damaged file's do; counts the reads.
class UnreadableColumns : public ColumnSource {
  public:
    explicit UnreadableColumns(std::shared_ptr<const ColumnSource> columns)
        : columns_(std::move(columns)) {}
    const std::string& path() const override { return columns_->path(); }
    Index n_tokens() const override { return columns_->n_tokens(); }
    const std::vector<Metric>& metrics() const override { return columns_->metrics(); }
    Index block_rows() const override { return columns_->block_rows(); }
    void read(Metric, Index, std::span<float>) const override { fail(); }
    void read_flags(Index, std::span<std::uint8_t>) const override { fail(); }
    int reads() const { return reads_; }

  private:
    void fail() const {
        ++reads_;
        throw FormatError(path(), "metrics", "damaged for the test");
    }
    std::shared_ptr<const ColumnSource> columns_;
    mutable std::atomic<int> reads_{0};
};

std::vector<Index> selectedTokens(const TokenTableView& view) {
    std::vector<Index> tokens;
    for (const QModelIndex& row : view.table()->selectionModel()->selectedRows())
        tokens.push_back(view.model()->tokenAt(int(view.window()->sourceRow(row.row()))));
    std::sort(tokens.begin(), tokens.end());
    return tokens;
}

}  // namespace

class TestTokenTable : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void passesTheModelTester();
    void showsTheSitesValues();
    void showsAPlaceholderUntilItsPageArrives_data();
    void showsAPlaceholderUntilItsPageArrives();
    void aSortShowsItsTopRowsReady_data();
    void aSortShowsItsTopRowsReady();
    void aFailedReadShowsAQuestionMarkOnce();
    void eachColumnHasOnePrecision();
    void sortsByAMetricWithInvalidLast_data();
    void sortsByAMetricWithInvalidLast();
    void filtersByTextAndRange();
    void followsTheCurrentSite();
    void rowSelectionSelectsTokens();
    void selectionElsewhereSelectsRows();
    void selectedTokensHaveABackground();
    void sortsOffTheGuiThreadAndSaysSo_data();
    void sortsOffTheGuiThreadAndSaysSo();
    void aSmallSiteIsNotWindowed();
    void aWindowedTableReachesEveryRow();
    void aWindowedTableKeepsItsSelection();
    void renders();

  private:
    std::unique_ptr<DumpDocument> document_;
};

void TestTokenTable::initTestCase() {
    document_ = test::loadSample("sample-layernorm.h5");
    QVERIFY(document_);
}

void TestTokenTable::passesTheModelTester() {
    TokenTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(document_.get());
    model.sort(TokenTableModel::FixedColumns, Qt::DescendingOrder);
    model.setFilter({QStringLiteral("e"), std::nullopt, std::nullopt});
    model.sort(TokenTableModel::TextColumn, Qt::AscendingOrder);
    document_->setCurrentSite(3);
    model.setDocument(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestTokenTable::showsTheSitesValues() {
    document_->setCurrentSite(2);
    TokenTableModel model;
    model.setDocument(document_.get());
    QCOMPARE(Index(model.rowCount()), document_->info().n_tokens);
    QCOMPARE(model.columnCount(), TokenTableModel::FixedColumns + kMetricCount);
    const auto norms = test::columnValues(*document_, 2, Metric::Norm);
    const auto positions = document_->dump()->read_position(0, document_->info().n_tokens);
    const int norm = columnOf(model, Metric::Norm);
    for (int row : {0, 17, model.rowCount() - 1}) {
        const Index token = model.tokenAt(row);
        QCOMPARE(model.index(row, norm).data(TokenTableModel::RawValueRole).toDouble(),
                 double(norms[std::size_t(token)]));
        QCOMPARE(model.index(row, TokenTableModel::PositionColumn)
                     .data(TokenTableModel::RawValueRole)
                     .toInt(),
                 positions[std::size_t(token)]);
    }
}

// Column -1 stands for the norm's.
void TestTokenTable::showsAPlaceholderUntilItsPageArrives_data() {
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::newRow("first row, text") << 0 << int(TokenTableModel::TextColumn);
    QTest::newRow("a middle row, position") << 300 << int(TokenTableModel::PositionColumn);
    QTest::newRow("last row, norm") << 511 << -1;
}

// The row's token shows at once; its other cells once their page arrives, then stay read.
void TestTokenTable::showsAPlaceholderUntilItsPageArrives() {
    QFETCH(int, row);
    QFETCH(int, column);
    document_->setCurrentSite(2);
    TokenTableModel model;
    model.setDocument(document_.get());
    if (column < 0) column = columnOf(model, Metric::Norm);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QModelIndex cell = model.index(row, column);
    const auto token = std::size_t(model.tokenAt(row));
    QCOMPARE(cell.data().toString(), TokenTableModel::placeholder());
    QCOMPARE(model.index(row, TokenTableModel::TokenColumn).data().toLongLong(), qint64(token));
    QTRY_COMPARE(changed.count(), 1);
    QVERIFY(changed[0][0].value<QModelIndex>().row() <= row);
    QVERIFY(changed[0][1].value<QModelIndex>().row() >= row);
    const QString shown = cell.data().toString();
    if (column == TokenTableModel::TextColumn)
        QCOMPARE(shown, visibleText(document_->dump()->read_tokens(Index(token), 1).front()));
    else if (column == TokenTableModel::PositionColumn)
        QCOMPARE(shown.toInt(), document_->dump()->read_position(Index(token), 1).front());
    else
        QVERIFY(
            std::abs(shown.toDouble() - test::columnValues(*document_, 2, Metric::Norm)[token]) <=
            0.5 * std::pow(10.0, -int(shown.size() - shown.indexOf('.') - 1)) + 1e-9);
    QTest::qWait(50);
    QCOMPARE(changed.count(), 1);
}

void TestTokenTable::aSortShowsItsTopRowsReady_data() {
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("descending");
    QTest::newRow("norm descending") << -1 << true;
    QTest::newRow("text ascending") << int(TokenTableModel::TextColumn) << false;
    QTest::newRow("position descending") << int(TokenTableModel::PositionColumn) << true;
}

// The rows at the top of a new order are read with it on the sort's worker (a large site's), so
// the table shows them with their values as soon as it shows them.
void TestTokenTable::aSortShowsItsTopRowsReady() {
    QFETCH(int, column);
    QFETCH(bool, descending);
    document_->setCurrentSite(1);
    TokenTableModel model;
    model.setDocument(document_.get());
    if (column < 0) column = columnOf(model, Metric::Norm);
    ViewJobs::setInlineRowLimit(0);
    const auto restore = qScopeGuard([] { ViewJobs::setInlineRowLimit(Index(1) << 20); });
    model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isComputing(), 10000);
    QCOMPARE(Index(model.rowCount()), document_->info().n_tokens);
    for (int row = 0; row < 60; ++row)
        for (int cell = 0; cell < model.columnCount(); ++cell)
            QVERIFY(model.index(row, cell).data().toString() != TokenTableModel::placeholder());
}

// A page that cannot be read marks its rows failed ("?" in the table): painting them again
// reads nothing, and the table is told once.
void TestTokenTable::aFailedReadShowsAQuestionMarkOnce() {
    auto columns = std::make_shared<UnreadableColumns>(document_->metrics().columns(0));
    QObject owner;
    int arrivals = 0;
    TokenTablePages pages(&owner, [&arrivals](int, int) { ++arrivals; });
    pages.reset({columns, document_->dump(), {Metric::Norm}},
                std::make_shared<const TokenRows>(TokenRows::all(columns->n_tokens())));
    QVERIFY(!pages.find(40));
    QTRY_COMPARE(arrivals, 1);
    const int reads = columns->reads();
    QVERIFY(reads > 0);
    for (int row = 35; row < 45; ++row) {
        const TokenRowValues* values = pages.find(row);
        QVERIFY(values && values->failed);
    }
    QTest::qWait(50);
    QCOMPARE(columns->reads(), reads);
    QCOMPARE(arrivals, 1);
    QVERIFY_THROWS_EXCEPTION(Error, pages.readNow(300));
}

// Numbers line up: every row of a metric column shows the same number of decimals, enough for
// five significant digits of the column's largest value (and the tiny |cos θ| keeps its digits).
void TestTokenTable::eachColumnHasOnePrecision() {
    document_->setCurrentSite(0);
    TokenTableModel model;
    model.setDocument(document_.get());
    for (int column = TokenTableModel::FixedColumns; column < model.columnCount(); ++column) {
        QSet<int> decimals;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString shown = shownWhenRead(model.index(row, column));
            if (shown == "—") continue;
            decimals << int(shown.size() - shown.indexOf('.') - 1);
        }
        QVERIFY2(decimals.size() == 1,
                 qPrintable(model.headerData(column, Qt::Horizontal).toString()));
    }
    const int cosine = columnOf(model, Metric::AbsCosToUniform);
    for (int row = 0; row < model.rowCount(); ++row) {
        const double value =
            model.index(row, cosine).data(TokenTableModel::RawValueRole).toDouble();
        const double shown = shownWhenRead(model.index(row, cosine)).toDouble();
        QVERIFY(std::abs(shown - value) <= 5e-6);
    }
}

void TestTokenTable::sortsByAMetricWithInvalidLast_data() {
    QTest::addColumn<int>("metric");
    QTest::addColumn<bool>("descending");
    QTest::newRow("angle ascending") << int(Metric::AngleToUniformDeg) << false;
    QTest::newRow("rotation descending") << int(Metric::RotationDeg) << true;
}

void TestTokenTable::sortsByAMetricWithInvalidLast() {
    QFETCH(int, metric);
    QFETCH(bool, descending);
    document_->setCurrentSite(5);
    TokenTableModel model;
    model.setDocument(document_.get());
    const int column = columnOf(model, Metric(metric));
    model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    double previous = descending ? INFINITY : -INFINITY;
    for (int row = 0; row < model.rowCount(); ++row) {
        const double value =
            model.index(row, column).data(TokenTableModel::RawValueRole).toDouble();
        if (std::isnan(value)) continue;
        QVERIFY(descending ? value <= previous : value >= previous);
        previous = value;
    }
}

void TestTokenTable::filtersByTextAndRange() {
    document_->setCurrentSite(0);
    TokenTableModel model;
    model.setDocument(document_.get());
    model.setFilter({QStringLiteral("e"), Metric::AngleToUniformDeg, ValueRange{88.0, 92.0}});
    const auto angles = test::columnValues(*document_, 0, Metric::AngleToUniformDeg);
    const auto texts = document_->dump()->read_tokens(0, document_->info().n_tokens);
    std::vector<Index> expected;
    for (std::size_t token = 0; token < texts.size(); ++token)
        if (texts[token].find('e') != std::string::npos && angles[token] >= 88.0 &&
            angles[token] <= 92.0)
            expected.push_back(Index(token));
    QVERIFY(!expected.empty());
    QCOMPARE(std::size_t(model.rowCount()), expected.size());
    for (int row = 0; row < model.rowCount(); ++row) QCOMPARE(model.tokenAt(row), expected[row]);
    const std::vector<Index> asked{expected.front(), expected.back() + 1};
    const TokenSet wanted = TokenSet::of(document_->info().n_tokens, asked);
    QCOMPARE(model.rows()->rows_of(wanted, 10), (std::vector<std::int64_t>{0}));
}

void TestTokenTable::followsTheCurrentSite() {
    document_->setCurrentSite(0);
    TokenTableModel model;
    model.setDocument(document_.get());
    const int angle = columnOf(model, Metric::AngleToUniformDeg);
    const QVariant before = model.index(10, angle).data(TokenTableModel::RawValueRole);
    document_->setCurrentSite(6);
    const QVariant after = model.index(10, angle).data(TokenTableModel::RawValueRole);
    QVERIFY(before != after);
    QCOMPARE(after.toDouble(),
             double(test::columnValues(*document_, 6,
                                       Metric::AngleToUniformDeg)[std::size_t(model.tokenAt(10))]));
}

void TestTokenTable::rowSelectionSelectsTokens() {
    TokenTableView view;
    view.setDocument(document_.get());
    view.table()->sortByColumn(TokenTableModel::FixedColumns, Qt::AscendingOrder);
    view.table()->selectRow(3);
    view.table()->selectionModel()->select(view.window()->index(40, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
    std::vector<Index> expected{view.model()->tokenAt(3), view.model()->tokenAt(40)};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(test::selectedTokens(*document_), expected);
    document_->selection()->clear();
    QVERIFY(view.table()->selectionModel()->selectedRows().isEmpty());
}

void TestTokenTable::selectionElsewhereSelectsRows() {
    TokenTableView view;
    view.setDocument(document_.get());
    view.table()->sortByColumn(TokenTableModel::TextColumn, Qt::DescendingOrder);
    const std::vector<Index> picked{2, 3, 4, 100, 511};
    document_->selection()->setTokens(picked, this);
    QCOMPARE(selectedTokens(view), picked);
    TokenTableSettings filtered = view.settings();
    filtered.filter.text = QString::fromStdString(document_->dump()->read_tokens(100, 1).front());
    view.setSettings(filtered);
    for (Index token : selectedTokens(view))
        QVERIFY(std::binary_search(picked.begin(), picked.end(), token));
    QCOMPARE(test::selectedTokens(*document_), picked);
    document_->selection()->clear();
}

void TestTokenTable::selectedTokensHaveABackground() {
    TokenTableModel model;
    model.setDocument(document_.get());
    document_->selection()->setTokens(std::vector<Index>{4, 9}, this);
    for (int row = 0; row < model.rowCount(); ++row) {
        const bool marked = model.index(row, 1).data(Qt::BackgroundRole).isValid();
        QCOMPARE(marked, model.tokenAt(row) == 4 || model.tokenAt(row) == 9);
    }
    document_->selection()->clear();
}

void TestTokenTable::sortsOffTheGuiThreadAndSaysSo_data() {
    QTest::addColumn<bool>("filter");
    QTest::addColumn<int>("rowsMeanwhile");
    QTest::addColumn<QString>("status");
    QTest::newRow("a new order keeps the rows") << false << 512 << "sorting 512 rows…";
    QTest::newRow("a filter shows none") << true << 0 << "filtering and sorting 512 rows…";
}

// As for a site of millions of tokens: the sort runs on the worker, the table says what it does
// meanwhile and keeps the rows it reorders (a filter's rows are not known yet: none), then shows
// the sorted rows.
void TestTokenTable::sortsOffTheGuiThreadAndSaysSo() {
    QFETCH(bool, filter);
    QFETCH(int, rowsMeanwhile);
    QFETCH(QString, status);
    document_->setCurrentSite(1);
    TokenTableView view;
    view.setDocument(document_.get());
    TokenTableModel* model = view.model();
    const int norm = columnOf(*model, Metric::Norm);
    if (filter) model->sort(norm, Qt::DescendingOrder);
    ViewJobs::setInlineRowLimit(0);
    const auto restore = qScopeGuard([] { ViewJobs::setInlineRowLimit(Index(1) << 20); });
    QSignalSpy changed(model, &TokenTableModel::rowsChanged);
    QSignalSpy said(model, &TokenTableModel::statusChanged);
    if (filter)
        model->setFilter({QStringLiteral("e"), std::nullopt, std::nullopt});
    else
        model->sort(norm, Qt::DescendingOrder);
    QVERIFY(model->isComputing());
    QCOMPARE(model->rowCount(), rowsMeanwhile);
    QCOMPARE(model->status(), status);
    QCOMPARE(changed.count() + said.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isComputing(), 10000);
    QVERIFY(model->rowCount() > 0);
    if (!filter) QCOMPARE(Index(model->rowCount()), document_->info().n_tokens);
    const auto norms = test::columnValues(*document_, 1, Metric::Norm);
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(norms[std::size_t(model->tokenAt(row - 1))] >=
                norms[std::size_t(model->tokenAt(row))]);
    QCOMPARE(changed.count(), filter ? 2 : 1);
    QVERIFY(model->status().isEmpty());
}

void TestTokenTable::aSmallSiteIsNotWindowed() {
    TokenTableView view;
    view.resize(600, 300);
    view.setDocument(document_.get());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(Index(view.window()->rowCount()), document_->info().n_tokens);
    QVERIFY(!view.rowScrollBar()->isVisible());
    QVERIFY(view.table()->verticalScrollBar()->isVisible());
}

// A window of 64 of the 512 rows, as over a site of 100M tokens: the view's own bar reaches
// every row, and the wheel (the table's bar) carries the window along.
void TestTokenTable::aWindowedTableReachesEveryRow() {
    TokenTableView view(nullptr, 64);
    QAbstractItemModelTester tester(view.window(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(600, 300);
    view.setDocument(document_.get());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.window()->rowCount(), 64);
    QVERIFY(view.rowScrollBar()->isVisible());
    QVERIFY(!view.table()->verticalScrollBar()->isVisible());
    const auto topToken = [&view] {
        return view.model()->tokenAt(int(view.window()->sourceRow(view.table()->rowAt(0))));
    };
    view.rowScrollBar()->setValue(400);
    QCOMPARE(topToken(), view.model()->tokenAt(400));
    view.rowScrollBar()->setValue(view.rowScrollBar()->maximum());
    const int bottom = view.table()->rowAt(view.table()->viewport()->height() - 1);
    QCOMPARE(view.window()->sourceRow(bottom), Index(511));
    view.scrollToRow(0);
    QCOMPARE(view.window()->base(), Index(0));
    QScrollBar* wheel = view.table()->verticalScrollBar();
    for (int step = 0; step < 30; ++step) wheel->setValue(wheel->value() + 3);
    QVERIFY(view.window()->base() > 0);
    QCOMPARE(Index(view.rowScrollBar()->value()), view.window()->sourceRow(wheel->value()));
    QCOMPARE(topToken(), view.model()->tokenAt(90));
    QTest::keyClick(view.table(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(view.window()->sourceRow(view.table()->currentIndex().row()), Index(511));
    QCOMPARE(test::selectedTokens(*document_), std::vector<Index>{view.model()->tokenAt(511)});
    QTest::keyClick(view.table(), Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(view.window()->base(), Index(0));
    QCOMPARE(view.table()->currentIndex().row(), 0);
    document_->selection()->clear();
}

// Selections made in the table and elsewhere name the right tokens wherever the window is.
void TestTokenTable::aWindowedTableKeepsItsSelection() {
    TokenTableView view(nullptr, 64);
    view.resize(600, 300);
    view.setDocument(document_.get());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.scrollToRow(300);
    view.table()->selectRow(view.window()->rowOf(302));
    QCOMPARE(test::selectedTokens(*document_), std::vector<Index>{view.model()->tokenAt(302)});
    view.scrollToRow(0);
    QCOMPARE(selectedTokens(view), std::vector<Index>{});
    view.scrollToRow(290);
    QCOMPARE(selectedTokens(view), std::vector<Index>{view.model()->tokenAt(302)});
    document_->selection()->setTokens(std::vector<Index>{500}, this);
    QTRY_COMPARE(selectedTokens(view), std::vector<Index>{500});
    QVERIFY(view.window()->rowOf(500) >= 0);
    QCOMPARE(test::selectedTokens(*document_), std::vector<Index>{500});
    document_->selection()->clear();
}

void TestTokenTable::renders() {
    document_->setCurrentSite(2);
    TokenTableView view;
    view.resize(1000, 420);
    view.setDocument(document_.get());
    document_->selection()->setTokens(std::vector<Index>{5, 6, 7}, this);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(shownWhenRead(view.model()->index(0, TokenTableModel::TextColumn)) !=
            TokenTableModel::placeholder());
    const QImage image = view.grab().toImage();
    test::saveTestImage(image, "token-table-view");
    QVERIFY(test::fractionOfPixelsNear(image, Qt::white, 10) > 0.2);
    document_->selection()->clear();
}

LNGEOM_WIDGETS_TEST_MAIN(TestTokenTable)
#include "test_token_table.moc"
