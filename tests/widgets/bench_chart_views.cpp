// How long the chart views take on a dump of 2^20 tokens (written by
// make_million_token_dump.py): re-binning, brushing with every view linked, sorting and
// filtering the table, the heatmap over all sites. QBENCHMARK reports; nothing is timed here.

#include <QtTest>

#include "tests/widgets/widgets_test_main.h"
#include "widgets/dump_document.h"
#include "widgets/histogram_view.h"
#include "widgets/layer_curves_view.h"
#include "widgets/layer_heatmap_view.h"
#include "widgets/token_selection.h"
#include "widgets/token_table_view.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

const QString kDump = QStringLiteral(LNGEOM_TEST_OUTPUT_DIR "/million-token-dump.h5");

}  // namespace

class BenchChartViews : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void rebinHistogram();
    void brushHalfTheTokensWithEveryViewLinked();
    void sortTableByMetric();
    void filterTableByText();
    void rebinHeatmapOverAllSites();
    void switchSite();

  private:
    std::unique_ptr<DumpDocument> document_;
    std::unique_ptr<HistogramView> histogram_;
    std::unique_ptr<TokenTableView> table_;
    std::unique_ptr<LayerHeatmapView> heatmap_;
    std::unique_ptr<LayerCurvesView> curves_;
};

void BenchChartViews::initTestCase() {
    StoreOptions options;
    options.use_cache = false;
    options.pass.memory_budget_bytes = std::size_t(1) << 30;
    document_ = std::make_unique<DumpDocument>(kDump, QString(), options);
    QSignalSpy ready(document_.get(), &DumpDocument::ready);
    document_->load();
    QVERIFY(ready.wait(600000));
    QVERIFY(document_->info().n_tokens >= 1'000'000);
    histogram_ = std::make_unique<HistogramView>();
    table_ = std::make_unique<TokenTableView>();
    heatmap_ = std::make_unique<LayerHeatmapView>();
    curves_ = std::make_unique<LayerCurvesView>();
    histogram_->setDocument(document_.get());
    table_->setDocument(document_.get());
    heatmap_->setDocument(document_.get());
    curves_->setDocument(document_.get());
}

void BenchChartViews::rebinHistogram() {
    int bins = 80;
    QBENCHMARK { histogram_->setBins(bins++ % 2 ? 80 : 81); }
    QVERIFY(histogram_->histogram());
}

void BenchChartViews::brushHalfTheTokensWithEveryViewLinked() {
    QBENCHMARK {
        histogram_->selectRange(80.0, 90.0);
        document_->selection()->clear();
    }
    histogram_->selectRange(80.0, 90.0);
    QVERIFY(document_->selection()->tokens().size() > 100'000);
    document_->selection()->clear();
}

void BenchChartViews::sortTableByMetric() {
    const int angle = TokenTableModel::FixedColumns;
    Qt::SortOrder order = Qt::AscendingOrder;
    QBENCHMARK {
        order = order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
        table_->model()->sort(angle, order);
    }
    QCOMPARE(Index(table_->model()->rowCount()), document_->info().n_tokens);
}

void BenchChartViews::filterTableByText() {
    QBENCHMARK {
        table_->model()->setFilter({QStringLiteral("q"), std::nullopt, std::nullopt});
        table_->model()->setFilter({});
    }
    QCOMPARE(Index(table_->model()->rowCount()), document_->info().n_tokens);
}

void BenchChartViews::rebinHeatmapOverAllSites() {
    int bins = 60;
    QBENCHMARK { heatmap_->setBins(bins++ % 2 ? 60 : 61); }
    QVERIFY(heatmap_->bins());
}

void BenchChartViews::switchSite() {
    int site = 0;
    QBENCHMARK { document_->setCurrentSite(++site % 4); }
}

LNGEOM_WIDGETS_TEST_MAIN(BenchChartViews)
#include "bench_chart_views.moc"
