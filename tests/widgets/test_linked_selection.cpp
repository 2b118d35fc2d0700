// The selection flows between views of one dump: a histogram range, table rows and a heatmap
// cell each select tokens that every other view then shows.

#include <QItemSelectionModel>
#include <QTableView>
#include <QtTest>

#include <numeric>

#include "tests/widgets/sample_documents.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/histogram_view.h"
#include "widgets/layer_curves_view.h"
#include "widgets/layer_heatmap_view.h"
#include "widgets/token_selection.h"
#include "widgets/token_table_view.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

std::vector<Index> tableSelection(const TokenTableView& table) {
    std::vector<Index> tokens;
    for (const QModelIndex& row : table.table()->selectionModel()->selectedRows())
        tokens.push_back(table.model()->tokenAt(row.row()));
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

  private:
    std::unique_ptr<DumpDocument> document_;
    std::unique_ptr<HistogramView> histogram_;
    std::unique_ptr<TokenTableView> table_;
    std::unique_ptr<LayerHeatmapView> heatmap_;
    std::unique_ptr<LayerCurvesView> curves_;
};

void TestLinkedSelection::initTestCase() {
    document_ = test::loadSample("sample-layernorm.h5");
    QVERIFY(document_);
    histogram_ = std::make_unique<HistogramView>();
    table_ = std::make_unique<TokenTableView>();
    heatmap_ = std::make_unique<LayerHeatmapView>();
    curves_ = std::make_unique<LayerCurvesView>();
    histogram_->setDocument(document_.get());
    table_->setDocument(document_.get());
    heatmap_->setDocument(document_.get());
    curves_->setDocument(document_.get());
}

void TestLinkedSelection::init() {
    document_->selection()->clear();
    document_->setCurrentSite(0);
}

void TestLinkedSelection::histogramRangeSelectsTableRows() {
    histogram_->selectRange(88.0, 91.0);
    const auto& selected = document_->selection()->tokens();
    QVERIFY(!selected.empty());
    QCOMPARE(tableSelection(*table_), selected);
    QVERIFY(curves_->selectionCurve());
    QCOMPARE(curves_->selectionCurve()->count[0], std::int64_t(selected.size()));
}

void TestLinkedSelection::tableRowsShowInTheHistogramAndCurves() {
    table_->table()->selectRow(10);
    table_->table()->selectionModel()->select(
        table_->model()->index(20, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    table_->table()->selectionModel()->select(
        table_->model()->index(30, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(document_->selection()->tokens().size(), std::size_t(3));
    QVERIFY(histogram_->selectionHistogram());
    const Histogram& selected = *histogram_->selectionHistogram();
    QCOMPARE(total(selected) + selected.below + selected.above, std::int64_t(3));
    QCOMPARE(curves_->selectionCurve()->count[4], std::int64_t(3));
}

void TestLinkedSelection::heatmapCellReachesTheOtherViews() {
    const HeatmapBins& bins = *heatmap_->bins();
    Index bin = 0;
    bins.counts.row(3).maxCoeff(&bin);
    heatmap_->selectCell(3, int(bin));
    QCOMPARE(document_->currentSite(), 3);
    const auto& selected = document_->selection()->tokens();
    QCOMPARE(std::int64_t(selected.size()), bins.counts(3, bin));
    QCOMPARE(tableSelection(*table_), selected);
    QCOMPARE(total(*histogram_->selectionHistogram()), std::int64_t(selected.size()));
}

void TestLinkedSelection::clearingInOneViewClearsAll() {
    histogram_->selectRange(85.0, 95.0);
    QVERIFY(!tableSelection(*table_).empty());
    table_->table()->clearSelection();
    QVERIFY(document_->selection()->isEmpty());
    QVERIFY(!histogram_->selectionHistogram());
    QVERIFY(!curves_->selectionCurve());
}

LNGEOM_WIDGETS_TEST_MAIN(TestLinkedSelection)
#include "test_linked_selection.moc"
