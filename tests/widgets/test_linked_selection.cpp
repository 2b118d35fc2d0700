// The selection flows between views of one dump: a histogram range, table rows and a heatmap
// cell each select tokens that every other view then shows.

#include <QItemSelectionModel>
#include <QTableView>
#include <QtTest>

#include <numeric>

#include "tests/widgets/linked_chart_views.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/document/token_selection.h"
#include "widgets/document/view_jobs.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

std::vector<Index> tableSelection(const TokenTableView& table) {
    std::vector<Index> tokens;
    for (const QModelIndex& row : table.table()->selectionModel()->selectedRows())
        tokens.push_back(table.model()->tokenAt(int(table.window()->sourceRow(row.row()))));
    std::sort(tokens.begin(), tokens.end());
    return tokens;
}

std::int64_t total(const Histogram& histogram) {
    return std::accumulate(histogram.counts.begin(), histogram.counts.end(), std::int64_t(0));
}

}  // namespace

class TestLinkedSelection : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void init();
    void histogramRangeSelectsTableRows();
    void tableRowsShowInTheHistogramAndCurves();
    void heatmapCellReachesTheOtherViews();
    void clearingInOneViewClearsAll();
    void workingOffTheGuiThreadGivesTheSameViews();

  private:
    std::unique_ptr<DumpDocument> document_;
    std::unique_ptr<test::LinkedChartViews> views_;
};

void TestLinkedSelection::initTestCase() {
    document_ = test::loadSample("sample-layernorm.h5");
    QVERIFY(document_);
    views_ = std::make_unique<test::LinkedChartViews>(document_.get());
}

void TestLinkedSelection::init() {
    document_->selection()->clear();
    document_->setCurrentSite(0);
}

void TestLinkedSelection::histogramRangeSelectsTableRows() {
    views_->histogram.selectRange(88.0, 91.0);
    const auto& selected = test::selectedTokens(*document_);
    QVERIFY(!selected.empty());
    QCOMPARE(tableSelection(views_->table), selected);
    QVERIFY(views_->curves.selectionCurve());
    QCOMPARE(views_->curves.selectionCurve()->count[0], std::int64_t(selected.size()));
}

void TestLinkedSelection::tableRowsShowInTheHistogramAndCurves() {
    views_->table.table()->selectRow(10);
    views_->table.table()->selectionModel()->select(
        views_->table.window()->index(20, 0),
        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    views_->table.table()->selectionModel()->select(
        views_->table.window()->index(30, 0),
        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(std::size_t(document_->selection()->count()), std::size_t(3));
    QVERIFY(views_->histogram.selectionHistogram());
    const Histogram& selected = *views_->histogram.selectionHistogram();
    QCOMPARE(total(selected) + selected.below + selected.above, std::int64_t(3));
    QCOMPARE(views_->curves.selectionCurve()->count[4], std::int64_t(3));
}

void TestLinkedSelection::heatmapCellReachesTheOtherViews() {
    const HeatmapBins& bins = *views_->heatmap.bins();
    Index bin = 0;
    bins.counts.row(3).maxCoeff(&bin);
    views_->heatmap.selectCell(3, int(bin));
    QCOMPARE(document_->currentSite(), 3);
    const auto& selected = test::selectedTokens(*document_);
    QCOMPARE(std::int64_t(selected.size()), bins.counts(3, bin));
    QCOMPARE(tableSelection(views_->table), selected);
    QCOMPARE(total(*views_->histogram.selectionHistogram()), std::int64_t(selected.size()));
}

void TestLinkedSelection::clearingInOneViewClearsAll() {
    views_->histogram.selectRange(85.0, 95.0);
    QVERIFY(!tableSelection(views_->table).empty());
    views_->table.table()->clearSelection();
    QVERIFY(document_->selection()->isEmpty());
    QVERIFY(!views_->histogram.selectionHistogram());
    QVERIFY(!views_->curves.selectionCurve());
}

// Every view computes on its worker as it does for a site of millions of tokens: the brush, the
// histograms, the heatmap's cells and the selection's means arrive later and equal the inline ones.
void TestLinkedSelection::workingOffTheGuiThreadGivesTheSameViews() {
    views_->histogram.selectRange(88.0, 91.0);
    const std::vector<Index> inlineSelection = test::selectedTokens(*document_);
    const Histogram inlineSelected = *views_->histogram.selectionHistogram();
    const LayerCurve inlineCurve = *views_->curves.selectionCurve();
    document_->selection()->clear();
    ViewJobs::setInlineRowLimit(0);
    views_->heatmap.setBins(33);
    QVERIFY(views_->heatmap.isComputing());
    views_->histogram.selectRange(88.0, 91.0);
    QTRY_VERIFY_WITH_TIMEOUT(!document_->selection()->isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!views_->histogram.isComputing() && !views_->heatmap.isComputing() &&
                                 !views_->curves.isComputing(),
                             10000);
    ViewJobs::setInlineRowLimit(Index(1) << 20);
    QCOMPARE(test::selectedTokens(*document_), inlineSelection);
    QCOMPARE(views_->histogram.selectionHistogram()->counts, inlineSelected.counts);
    QCOMPARE(views_->curves.selectionCurve()->mean, inlineCurve.mean);
    QCOMPARE(views_->heatmap.bins()->bins(), 33);
    Index valid = 0;
    for (const SiteSummary& site : document_->metrics().summaries()) valid += site.metrics[0].count;
    QCOMPARE(views_->heatmap.bins()->counts.sum(), valid);
    QCOMPARE(tableSelection(views_->table), inlineSelection);
}

LNGEOM_WIDGETS_TEST_MAIN(TestLinkedSelection)
#include "test_linked_selection.moc"
