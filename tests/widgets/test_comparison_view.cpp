// Comparing the LayerNorm and RMSNorm samples: the histogram outlines the other dump at the
// aligned site, the comparison follows the current site, settings are shared, and it renders.

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <QLabel>
#include <QtTest>

#include "tests/widgets/image_checks.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/comparison_view.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/document/token_selection.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

const QColor kComparisonColour(40, 150, 90);

}  // namespace

class TestComparisonView : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void histogramFindsTheAlignedSite();
    void comparisonFollowsTheCurrentSite();
    void histogramsShareMetricAndBins();
    void histogramsShareTheirRangeOnEverySite();
    void selectionShowsInTheOtherDumpOfTheSameTokens();
    void oneFileOpenSaysHowToCompare();
    void renders();

  private:
    std::unique_ptr<DumpDocument> layerNorm_;
    std::unique_ptr<DumpDocument> rmsNorm_;
};

void TestComparisonView::initTestCase() {
    layerNorm_ = test::loadSample("sample-layernorm.h5");
    rmsNorm_ = test::loadSample("sample-rmsnorm.h5");
    QVERIFY(layerNorm_ && rmsNorm_);
}

void TestComparisonView::histogramFindsTheAlignedSite() {
    HistogramView view;
    view.setDocument(layerNorm_.get());
    QVERIFY(!view.comparisonSite());
    view.setComparisonDocument(rmsNorm_.get());
    layerNorm_->setCurrentSite(5);
    QCOMPARE(view.comparisonSite(), std::optional<SiteIndex>(5));
    const auto labels = view.findChildren<QLabel*>();
    const bool stated = std::any_of(labels.begin(), labels.end(), [](QLabel* label) {
        return label->text().contains("difference of means");
    });
    QVERIFY(stated);
    layerNorm_->setCurrentSite(0);
}

void TestComparisonView::comparisonFollowsTheCurrentSite() {
    ComparisonView view;
    view.setDocument(layerNorm_.get());
    view.setComparisonDocument(rmsNorm_.get());
    layerNorm_->setCurrentSite(7);
    QCOMPARE(rmsNorm_->currentSite(), 7);
    layerNorm_->setCurrentSite(0);
    QCOMPARE(rmsNorm_->currentSite(), 0);
}

void TestComparisonView::histogramsShareMetricAndBins() {
    ComparisonView view;
    view.setDocument(layerNorm_.get());
    view.setComparisonDocument(rmsNorm_.get());
    view.histogram()->setMetric(Metric::Norm);
    view.histogram()->setBins(33);
    QCOMPARE(view.comparisonHistogram()->settings().metric, Metric::Norm);
    QCOMPARE(view.comparisonHistogram()->settings().bins, 33);
    view.comparisonHistogram()->setLogCounts(true);
    QVERIFY(view.histogram()->settings().logCounts);
}

// The bars of the two dumps line up: both histograms draw the same x range, site after site.
void TestComparisonView::histogramsShareTheirRangeOnEverySite() {
    ComparisonView view;
    view.setDocument(layerNorm_.get());
    view.setComparisonDocument(rmsNorm_.get());
    for (Metric metric : {Metric::AngleToUniformDeg, Metric::Norm, Metric::RotationDeg})
        for (int site : {0, 4, 8}) {
            view.histogram()->setMetric(metric);
            layerNorm_->setCurrentSite(site);
            vtkAxis* left = view.histogram()->chartView()->chart()->GetAxis(vtkAxis::BOTTOM);
            vtkAxis* right =
                view.comparisonHistogram()->chartView()->chart()->GetAxis(vtkAxis::BOTTOM);
            QCOMPARE(left->GetMinimum(), right->GetMinimum());
            QCOMPARE(left->GetMaximum(), right->GetMaximum());
        }
    layerNorm_->setCurrentSite(0);
}

// The samples hold the same 512 characters: tokens brushed in one are the other's too.
void TestComparisonView::selectionShowsInTheOtherDumpOfTheSameTokens() {
    ComparisonView view;
    view.setDocument(layerNorm_.get());
    view.setComparisonDocument(rmsNorm_.get());
    const std::vector<Index> brushed{3, 17, 42};
    layerNorm_->selection()->setTokens(brushed);
    QCOMPARE(rmsNorm_->selection()->firstTokens(16), brushed);
    rmsNorm_->selection()->setTokens(std::vector<Index>{5});
    QCOMPARE(layerNorm_->selection()->firstTokens(16), std::vector<Index>{5});
    view.setComparisonDocument(nullptr);
    layerNorm_->selection()->setTokens(brushed);
    QCOMPARE(rmsNorm_->selection()->firstTokens(16), std::vector<Index>{5});
    layerNorm_->selection()->clear();
    rmsNorm_->selection()->clear();
}

void TestComparisonView::oneFileOpenSaysHowToCompare() {
    ComparisonView view;
    view.setDocument(layerNorm_.get());
    view.setComparisonDocument(nullptr);
    const auto labels = view.comparisonHistogram()->findChildren<QLabel*>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel* label) {
        return label->isVisibleTo(label->window()) &&
               label->text().startsWith("Only one file is open") &&
               label->text().contains("Compare with");
    }));
    view.setComparisonDocument(rmsNorm_.get());
    QVERIFY(std::none_of(labels.begin(), labels.end(), [](QLabel* label) {
        return label->isVisibleTo(label->window()) && label->text().startsWith("Only one file");
    }));
}

void TestComparisonView::renders() {
    ComparisonView view;
    view.resize(1200, 900);
    view.setDocument(layerNorm_.get());
    view.setComparisonDocument(rmsNorm_.get());
    layerNorm_->setCurrentSite(8);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage histogram = view.histogram()->chartView()->grabImage();
    test::saveTestImage(view.grab().toImage(), "comparison-view");
    const double outline = test::fractionOfPixelsNear(histogram, kComparisonColour, 15);
    QVERIFY2(outline > 0.002,
             qPrintable(QString("outline %1, saved %2")
                            .arg(outline)
                            .arg(test::saveTestImage(histogram, "comparison-histogram"))));
    layerNorm_->setCurrentSite(0);
}

LNGEOM_WIDGETS_TEST_MAIN(TestComparisonView)
#include "test_comparison_view.moc"
