// The layer curves view on the samples: its curves are the core's per-site statistics, the
// selection has its own curve, a click picks the current site, and two dumps share one axis.

#include <vtkChartXY.h>
#include <QtTest>

#include <cmath>

#include "core/charts/layer_curves.h"
#include "tests/widgets/image_checks.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/document/token_selection.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

const QColor kLeftColour(70, 110, 190);
const QColor kRightColour(40, 150, 90);

}  // namespace

class TestLayerCurvesView : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void curvesAreTheSiteSummaries_data();
    void curvesAreTheSiteSummaries();
    void selectionHasItsOwnCurve();
    void clickingASiteMakesItCurrent();
    void comparesTwoDumpsSiteBySite();
    void renders_data();
    void renders();

  private:
    std::unique_ptr<DumpDocument> layerNorm_;
    std::unique_ptr<DumpDocument> rmsNorm_;
};

void TestLayerCurvesView::initTestCase() {
    layerNorm_ = test::loadSample("sample-layernorm.h5");
    rmsNorm_ = test::loadSample("sample-rmsnorm.h5");
    QVERIFY(layerNorm_ && rmsNorm_);
}

void TestLayerCurvesView::curvesAreTheSiteSummaries_data() {
    QTest::addColumn<int>("metric");
    QTest::newRow("angle to 1") << int(Metric::AngleToUniformDeg);
    QTest::newRow("norm") << int(Metric::Norm);
    QTest::newRow("rotation") << int(Metric::RotationDeg);
}

void TestLayerCurvesView::curvesAreTheSiteSummaries() {
    QFETCH(int, metric);
    LayerCurvesView view;
    view.setDocument(layerNorm_.get());
    view.setMetric(Metric(metric));
    const LayerCurve expected = layer_curve(layerNorm_->metrics().summaries(), Metric(metric));
    QCOMPARE(view.rows().size(), layerNorm_->info().sites.size());
    QCOMPARE(view.curve().mean, expected.mean);
    QCOMPARE(view.curve().std, expected.std);
    QCOMPARE(view.curve().max, expected.max);
    QCOMPARE(QString::fromStdString(view.rows()[3].label), QString::fromUtf8("1\u00b7ln2"));
    QCOMPARE(QString::fromStdString(view.rows().back().label), QStringLiteral("final"));
}

void TestLayerCurvesView::selectionHasItsOwnCurve() {
    LayerCurvesView view;
    view.setDocument(layerNorm_.get());
    QVERIFY(!view.selectionCurve());
    const std::vector<Index> picked{1, 2, 3, 50, 400};
    layerNorm_->selection()->setTokens(picked, this);
    QVERIFY(view.selectionCurve());
    const std::vector<float> values = test::columnValues(*layerNorm_, 4, Metric::AngleToUniformDeg);
    double sum = 0;
    for (Index token : picked) sum += values[std::size_t(token)];
    QVERIFY(std::abs(view.selectionCurve()->mean[4] - sum / 5.0) < 1e-9);
    layerNorm_->selection()->clear();
    QVERIFY(!view.selectionCurve());
}

void TestLayerCurvesView::clickingASiteMakesItCurrent() {
    layerNorm_->setCurrentSite(0);
    LayerCurvesView view;
    view.resize(800, 500);
    view.setDocument(layerNorm_.get());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    ChartView* chart = view.chartView();
    QTRY_VERIFY_WITH_TIMEOUT(chart->renderCount() > 0, 5000);
    const int* low = chart->chart()->GetPoint1();
    const int* high = chart->chart()->GetPoint2();
    // Site 6 of 9 on an axis from -0.5 to 8.5, in logical pixels.
    const double ratio = chart->devicePixelRatioF();
    const double x = (low[0] + (high[0] - low[0]) * (6.0 + 0.5) / 9.0) / ratio;
    const double y = chart->height() - (low[1] + high[1]) / 2.0 / ratio;
    QTest::mouseClick(chart, Qt::LeftButton, {}, QPoint(int(x), int(y)));
    QCOMPARE(layerNorm_->currentSite(), 6);
    layerNorm_->setCurrentSite(0);
}

void TestLayerCurvesView::comparesTwoDumpsSiteBySite() {
    LayerCurvesView view;
    view.setDocument(layerNorm_.get());
    view.setComparisonDocument(rmsNorm_.get());
    QVERIFY(view.comparisonCurve());
    QCOMPARE(view.rows().size(), std::size_t(9));
    for (const AlignedSite& row : view.rows()) QCOMPARE(row.left, row.right);
    const LayerCurve expected =
        layer_curve(rmsNorm_->metrics().summaries(), Metric::AngleToUniformDeg);
    QCOMPARE(view.comparisonCurve()->mean, expected.mean);
}

void TestLayerCurvesView::renders_data() {
    QTest::addColumn<bool>("comparing");
    QTest::newRow("one dump") << false;
    QTest::newRow("two dumps") << true;
}

void TestLayerCurvesView::renders() {
    QFETCH(bool, comparing);
    LayerCurvesView view;
    view.resize(900, 520);
    view.setDocument(layerNorm_.get());
    if (comparing) view.setComparisonDocument(rmsNorm_.get());
    layerNorm_->selection()->setTokens(std::vector<Index>{7, 14, 21, 28, 35}, this);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage chart = view.chartView()->grabImage();
    const QString name = comparing ? "layer-curves-compare" : "layer-curves";
    test::saveTestImage(view.grab().toImage(), name);
    const double left = test::fractionOfPixelsNear(chart, kLeftColour, 12);
    const double right = test::fractionOfPixelsNear(chart, kRightColour, 12);
    QVERIFY2(left > 0.003 && (!comparing || right > 0.003),
             qPrintable(QString("left %1 right %2, saved %3")
                            .arg(left)
                            .arg(right)
                            .arg(test::saveTestImage(chart, name + "-chart"))));
    layerNorm_->selection()->clear();
}

LNGEOM_WIDGETS_TEST_MAIN(TestLayerCurvesView)
#include "test_layer_curves_view.moc"
