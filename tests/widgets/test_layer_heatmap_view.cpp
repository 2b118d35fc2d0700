// The layer × value heatmap on the LayerNorm sample: its rows are the core's histograms of every
// site, a cell selects exactly its tokens, a click reaches the right cell, and it renders.

#include <vtkChartXY.h>
#include <QtTest>

#include "tests/widgets/image_checks.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/layer_heatmap_view.h"
#include "widgets/document/token_selection.h"

using namespace lngeom;
using namespace lngeom::widgets;

class TestLayerHeatmapView : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void rowsAreEverySitesHistogram_data();
    void rowsAreEverySitesHistogram();
    void cellSelectsExactlyItsTokens();
    void clickSelectsTheCellUnderTheMouse();
    void renders();

  private:
    std::unique_ptr<DumpDocument> document_;
};

void TestLayerHeatmapView::initTestCase() {
    document_ = test::loadSample("sample-layernorm.h5");
    QVERIFY(document_);
}

void TestLayerHeatmapView::rowsAreEverySitesHistogram_data() {
    QTest::addColumn<int>("metric");
    QTest::addColumn<int>("bins");
    QTest::newRow("angle, 60 bins") << int(Metric::AngleToUniformDeg) << 60;
    QTest::newRow("σ, 9 bins") << int(Metric::Sigma) << 9;
}

void TestLayerHeatmapView::rowsAreEverySitesHistogram() {
    QFETCH(int, metric);
    QFETCH(int, bins);
    LayerHeatmapView view;
    view.setDocument(document_.get());
    view.setMetric(Metric(metric));
    view.setBins(bins);
    QVERIFY(view.bins());
    const HeatmapBins& heatmap = *view.bins();
    QCOMPARE(heatmap.counts.rows(), Index(document_->info().sites.size()));
    QCOMPARE(heatmap.bins(), bins);
    for (Index site = 0; site < heatmap.counts.rows(); ++site) {
        const Histogram expected =
            histogram_of(test::columnValues(*document_, std::size_t(site), Metric(metric)),
                         heatmap.low, heatmap.high, bins);
        for (int bin = 0; bin < bins; ++bin)
            QCOMPARE(heatmap.counts(site, bin), expected.counts[std::size_t(bin)]);
        QCOMPARE(heatmap.counts.row(site).sum(),
                 document_->metrics().summary(std::size_t(site), Metric(metric)).count);
    }
}

void TestLayerHeatmapView::cellSelectsExactlyItsTokens() {
    LayerHeatmapView view;
    view.setDocument(document_.get());
    const HeatmapBins& heatmap = *view.bins();
    Index bin = 0;
    heatmap.counts.row(5).maxCoeff(&bin);
    view.selectCell(5, int(bin));
    QCOMPARE(document_->currentSite(), 5);
    QCOMPARE(std::int64_t(std::size_t(document_->selection()->count())), heatmap.counts(5, bin));
    const auto values = test::columnValues(*document_, 5, Metric::AngleToUniformDeg);
    const double low = heatmap.low + heatmap.bin_width() * double(bin);
    for (Index token : test::selectedTokens(*document_)) {
        QVERIFY(values[std::size_t(token)] >= low);
        QVERIFY(values[std::size_t(token)] <= low + heatmap.bin_width());
    }
    document_->selection()->clear();
    document_->setCurrentSite(0);
}

void TestLayerHeatmapView::clickSelectsTheCellUnderTheMouse() {
    LayerHeatmapView view;
    view.resize(800, 500);
    view.setDocument(document_.get());
    view.setBins(20);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    ChartView* chart = view.chartView();
    QTRY_VERIFY_WITH_TIMEOUT(chart->renderCount() > 0, 5000);
    const HeatmapBins& heatmap = *view.bins();
    const int* low = chart->chart()->GetPoint1();
    const int* high = chart->chart()->GetPoint2();
    const double ratio = chart->devicePixelRatioF();
    // The middle of bin 10 at site 2 (of 9, axis -0.5 to 8.5).
    const double x = (low[0] + (high[0] - low[0]) * 10.5 / 20.0) / ratio;
    const double y = chart->height() - (low[1] + (high[1] - low[1]) * 2.5 / 9.0) / ratio;
    QTest::mouseClick(chart, Qt::LeftButton, {}, QPoint(int(x), int(y)));
    QCOMPARE(document_->currentSite(), 2);
    QCOMPARE(std::int64_t(std::size_t(document_->selection()->count())), heatmap.counts(2, 10));
    document_->selection()->clear();
    document_->setCurrentSite(0);
}

void TestLayerHeatmapView::renders() {
    LayerHeatmapView view;
    view.resize(900, 520);
    view.setDocument(document_.get());
    view.selectCell(4, 30);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage chart = view.chartView()->grabImage();
    test::saveTestImage(view.grab().toImage(), "layer-heatmap");
    const double dark = test::fractionOfPixelsNear(chart, QColor(20, 46, 128), 40);
    const double middle = test::fractionOfPixelsNear(chart, QColor(115, 153, 217), 40);
    QVERIFY2(dark + middle > 0.01,
             qPrintable(QString("dark %1 middle %2, saved %3")
                            .arg(dark)
                            .arg(middle)
                            .arg(test::saveTestImage(chart, "layer-heatmap-chart"))));
    document_->selection()->clear();
    document_->setCurrentSite(0);
}

LNGEOM_WIDGETS_TEST_MAIN(TestLayerHeatmapView)
#include "test_layer_heatmap_view.moc"
