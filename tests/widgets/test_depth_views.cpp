// The views over depth on the LayerNorm sample (9 sites): norm growth reads its relative updates
// and massive activations their state on the worker once shown (not before), their curves are
// the core's, the captions say what was found, and a click picks the current site.

#include <vtkChartXY.h>
#include <QSignalSpy>
#include <QtTest>

#include "core/analysis/norm_growth.h"
#include "core/charts/site_labels.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/massive_view.h"
#include "widgets/charts/norm_growth_view.h"
#include "widgets/document/dump_document.h"

using namespace lngeom;
using namespace lngeom::widgets;

class TestDepthViews : public QObject {
    Q_OBJECT

    std::unique_ptr<DumpDocument> layerNorm_;

    // Clicks the middle of site `row` of `rows` on the chart's x axis.
    static void clickSite(ChartView* chart, int row, int rows) {
        const int* low = chart->chart()->GetPoint1();
        const int* high = chart->chart()->GetPoint2();
        const double ratio = chart->devicePixelRatioF();
        const double x = (low[0] + (high[0] - low[0]) * (row + 0.5) / rows) / ratio;
        const double y = chart->height() - (low[1] + high[1]) / 2.0 / ratio;
        QTest::mouseClick(chart, Qt::LeftButton, {}, QPoint(int(x), int(y)));
    }

  private slots:
    void initTestCase() {
        layerNorm_ = test::loadSample("sample-layernorm.h5");
        QVERIFY(layerNorm_);
    }

    void normGrowthReadsUpdatesOnceShown() {
        NormGrowthView view;
        view.resize(800, 500);
        QSignalSpy shown(&view, &NormGrowthView::updatesShown);
        view.setDocument(layerNorm_.get());
        QCOMPARE(view.rows().size(), std::size_t(9));
        QCOMPARE(view.curve().pairs, std::size_t(0));  // nothing read while hidden
        QTest::qWait(100);
        QCOMPARE(shown.count(), 0);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 10000);
        const std::size_t pairs = consecutive_site_pairs(layerNorm_->info()).size();
        QVERIFY(pairs > 0);
        QCOMPARE(view.curve().pairs, pairs);
        for (std::size_t site = 0; site < 9; ++site)
            QCOMPARE(view.curve().mean[site],
                     layerNorm_->metrics().summary(site, Metric::Norm).mean);
        QVERIFY2(view.caption().contains("sampled tokens per pair"), qPrintable(view.caption()));
        QVERIFY(view.chartView()->chart()->GetNumberOfPlots() >= 5);
        clickSite(view.chartView(), 6, 9);
        QCOMPARE(layerNorm_->currentSite(), view.rows()[6].left.value());
        layerNorm_->setCurrentSite(0);
    }

    void massiveReadsItsStateOnceShown() {
        MassiveView view;
        view.resize(800, 500);
        QSignalSpy shown(&view, &MassiveView::reportsShown);
        view.setDocument(layerNorm_.get());
        QVERIFY2(view.caption().contains("once the view is raised"), qPrintable(view.caption()));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 10000);
        QCOMPARE(view.curves().size(), std::size_t(9));
        QCOMPARE(view.curves().total_flagged, std::int64_t(0));
        for (std::size_t site = 0; site < 9; ++site) {
            QVERIFY(view.curves().top[0][site] >= view.curves().top[1][site]);
            QVERIFY(view.curves().top[1][site] >= view.curves().top[2][site]);
            QVERIFY(view.curves().top[2][site] > view.curves().median[site]);
        }
        QCOMPARE(QString::fromStdString(massiveFinding(view.curves())),
                 QString("no token is massive"));
        QCOMPARE(QString::fromStdString(massiveThreshold({})),
                 QString("max(100, 1000 × median |x|)"));
        layerNorm_->setCurrentSite(4);
        QVERIFY2(view.caption().contains("Top dimensions:"), qPrintable(view.caption()));
        QVERIFY2(view.caption().startsWith(
                     QString::fromStdString(site_label(layerNorm_->info().sites[4]))),
                 qPrintable(view.caption()));
        layerNorm_->setCurrentSite(0);
    }
};

LNGEOM_WIDGETS_TEST_MAIN(TestDepthViews)
#include "test_depth_views.moc"
