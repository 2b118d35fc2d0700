// How long the chart views take on a dump of 2^20 tokens (written by
// make_million_token_dump.py): re-binning, brushing with every view linked, sorting and
// filtering the table, the heatmap over all sites. QBENCHMARK reports; nothing is timed here.

#include <QtTest>

#include "tests/widgets/linked_chart_views.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/document/token_selection.h"

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
    std::unique_ptr<test::LinkedChartViews> views_;
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
    views_ = std::make_unique<test::LinkedChartViews>(document_.get());
}

void BenchChartViews::rebinHistogram() {
    int bins = 80;
    QBENCHMARK { views_->histogram.setBins(bins++ % 2 ? 80 : 81); }
    QVERIFY(views_->histogram.histogram());
}

void BenchChartViews::brushHalfTheTokensWithEveryViewLinked() {
    QBENCHMARK {
        views_->histogram.selectRange(80.0, 90.0);
        document_->selection()->clear();
    }
    views_->histogram.selectRange(80.0, 90.0);
    QVERIFY(std::size_t(document_->selection()->count()) > 100'000);
    document_->selection()->clear();
}

void BenchChartViews::sortTableByMetric() {
    const int angle = TokenTableModel::FixedColumns;
    Qt::SortOrder order = Qt::AscendingOrder;
    QBENCHMARK {
        order = order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
        views_->table.model()->sort(angle, order);
    }
    QCOMPARE(Index(views_->table.model()->rowCount()), document_->info().n_tokens);
}

void BenchChartViews::filterTableByText() {
    QBENCHMARK {
        views_->table.model()->setFilter({QStringLiteral("q"), std::nullopt, std::nullopt});
        views_->table.model()->setFilter({});
    }
    QCOMPARE(Index(views_->table.model()->rowCount()), document_->info().n_tokens);
}

void BenchChartViews::rebinHeatmapOverAllSites() {
    int bins = 60;
    // Every site's column is one large job, run on the view's worker: each round waits for it.
    QBENCHMARK {
        QSignalSpy computed(&views_->heatmap, &LayerHeatmapView::computed);
        views_->heatmap.setBins(bins++ % 2 ? 60 : 61);
        QVERIFY(!computed.isEmpty() || computed.wait(60000));
    }
    QVERIFY(views_->heatmap.bins());
}

void BenchChartViews::switchSite() {
    SiteIndex site = 0;
    QBENCHMARK { document_->setCurrentSite(++site % 4); }
}

LNGEOM_WIDGETS_TEST_MAIN(BenchChartViews)
#include "bench_chart_views.moc"
