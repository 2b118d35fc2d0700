// The chart view: bars drawn in the requested colour, the chart's own interaction, vector export.

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkContextInteractorStyle.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "tests/widgets/image_checks.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/charts/chart_plots.h"
#include "widgets/charts/chart_view.h"

using lngeom::widgets::BarSeries;
using lngeom::widgets::ChartTitles;
using lngeom::widgets::ChartView;

namespace {

const std::vector<double> kEdges{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
const std::vector<double> kHeights{1, 3, 6, 9, 10, 10, 9, 6, 3, 1};
const ChartTitles kTitles{"Test bars", "angle to 1 (degrees)", "tokens"};
// Mean per-channel difference allowed between a reduced 2× grab and a 1× grab (0–255). Matching
// layouts differ by about 6.5 (anti-aliased edges); denser ticks or unscaled gaps give 13–18.
constexpr double kGrabTolerance = 8.0;

void showTestBars(ChartView& view) { view.showBars({kEdges, kHeights}, kTitles); }

// Shows the test bars in a 480 x 320 window and waits for its first frame.
bool showTestBarsOnScreen(ChartView& view) {
    view.resize(480, 320);
    showTestBars(view);
    view.show();
    return QTest::qWaitForWindowExposed(&view) &&
           QTest::qWaitFor([&] { return view.renderCount() > 0; }, 5000);
}

}  // namespace

class TestChartView : public QObject {
    Q_OBJECT
  private slots:
    void drawsBarsInTheirColour_data();
    void drawsBarsInTheirColour();
    void usesTheChartsOwnInteraction();
    void wheelZoomsTheChart();
    void leftDragPansTheChart();
    void drawsABandOverAnyNumberOfSites_data();
    void drawsABandOverAnyNumberOfSites();
    void rejectsInconsistentBins_data();
    void rejectsInconsistentBins();
    void grabImageAtTwiceTheSizeLooksTheSame();
    void exportsVectorGraphics_data();
    void exportsVectorGraphics();
};

void TestChartView::drawsBarsInTheirColour_data() {
    QTest::addColumn<QColor>("colour");
    QTest::newRow("blue") << QColor(40, 80, 200);
    QTest::newRow("orange") << QColor(230, 120, 20);
}

void TestChartView::drawsBarsInTheirColour() {
    QFETCH(QColor, colour);
    ChartView view;
    view.setBarColour(colour);
    QVERIFY(showTestBarsOnScreen(view));
    const QImage image = view.grabFramebuffer();
    const double barFraction = lngeom::test::fractionOfPixelsNear(image, colour, 10);
    const double backgroundFraction = lngeom::test::fractionOfPixelsNear(image, Qt::white, 5);
    if (barFraction < 0.1 || backgroundFraction < 0.2)
        qWarning("chart check failed, image saved to %s",
                 qPrintable(lngeom::test::saveTestImage(
                     image, QString("chart-bars-") + QTest::currentDataTag())));
    QVERIFY(barFraction >= 0.1);
    QVERIFY(backgroundFraction >= 0.2);
}

void TestChartView::usesTheChartsOwnInteraction() {
    ChartView view;
    QVERIFY(vtkContextInteractorStyle::SafeDownCast(view.interactor()->GetInteractorStyle()));
    QCOMPARE(view.renderWindow()->GetInteractor(), view.interactor());
}

void TestChartView::wheelZoomsTheChart() {
    ChartView view;
    QVERIFY(showTestBarsOnScreen(view));
    vtkAxis* xAxis = view.chart()->GetAxis(vtkAxis::BOTTOM);
    const double spanBefore = xAxis->GetMaximum() - xAxis->GetMinimum();
    const QPointF centre(240, 160);
    QWheelEvent wheel(centre, view.mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&view, &wheel);
    const double spanAfter = xAxis->GetMaximum() - xAxis->GetMinimum();
    QVERIFY2(spanAfter < spanBefore,
             qPrintable(QString("span %1 -> %2").arg(spanBefore).arg(spanAfter)));
}

void TestChartView::leftDragPansTheChart() {
    ChartView view;
    QVERIFY(showTestBarsOnScreen(view));
    vtkAxis* xAxis = view.chart()->GetAxis(vtkAxis::BOTTOM);
    const double minimumBefore = xAxis->GetMinimum();
    const double spanBefore = xAxis->GetMaximum() - minimumBefore;
    QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(240, 160));
    for (int step = 1; step <= 6; ++step) QTest::mouseMove(&view, QPoint(240 - 10 * step, 160));
    QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(180, 160));
    // Dragging the plot to the left shows larger x values; the span stays.
    QVERIFY(xAxis->GetMinimum() > minimumBefore);
    QVERIFY(std::abs(xAxis->GetMaximum() - xAxis->GetMinimum() - spanBefore) < 1e-9);
}

void TestChartView::drawsABandOverAnyNumberOfSites_data() {
    QTest::addColumn<int>("sites");
    QTest::newRow("two sites") << 2;
    QTest::newRow("three sites") << 3;
    QTest::newRow("129 sites") << 129;
}

// The layer curves' bands: a dump of two sites must show them as well as a dump of many.
void TestChartView::drawsABandOverAnyNumberOfSites() {
    QFETCH(int, sites);
    const QColor colour(200, 40, 40);
    std::vector<double> xs, lower(sites, 2.0), upper(sites, 8.0);
    for (int site = 0; site < sites; ++site) xs.push_back(site);
    ChartView view;
    view.resize(480, 320);
    lngeom::widgets::setFixedAxis(view.chart()->GetAxis(vtkAxis::BOTTOM), "site", 0, sites - 1);
    lngeom::widgets::setFixedAxis(view.chart()->GetAxis(vtkAxis::LEFT), "value", 0, 10);
    lngeom::widgets::addBand(view.chart(), xs, lower, upper, colour);
    const QImage image = view.grabImage(1.0);
    const double bandFraction = lngeom::test::fractionOfPixelsNear(image, colour, 10);
    if (bandFraction < 0.25)
        qWarning("band covers %.3f of the chart, image saved to %s", bandFraction,
                 qPrintable(lngeom::test::saveTestImage(
                     image, QString("chart-band-%1-sites").arg(sites))));
    QVERIFY(bandFraction >= 0.25);
}

void TestChartView::rejectsInconsistentBins_data() {
    QTest::addColumn<std::vector<double>>("edges");
    QTest::addColumn<std::vector<double>>("heights");
    QTest::newRow("as many edges as bins")
        << std::vector<double>{0, 1, 2} << std::vector<double>{1, 2, 3};
    QTest::newRow("no bins") << std::vector<double>{0} << std::vector<double>{};
    QTest::newRow("unequal widths") << std::vector<double>{0, 1, 3} << std::vector<double>{1, 2};
    QTest::newRow("decreasing edges") << std::vector<double>{2, 1, 0} << std::vector<double>{1, 2};
}

void TestChartView::rejectsInconsistentBins() {
    QFETCH(std::vector<double>, edges);
    QFETCH(std::vector<double>, heights);
    ChartView view;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, view.showBars({edges, heights}, kTitles));
}

// Text and layout scale with the image, so the 2× figure reduced to 1× matches the 1× one.
void TestChartView::grabImageAtTwiceTheSizeLooksTheSame() {
    ChartView view;
    view.resize(480, 320);
    showTestBars(view);
    const QImage single = view.grabImage(1.0);
    const QImage doubled = view.grabImage(2.0);
    QCOMPARE(doubled.size(), QSize(960, 640));
    const QImage reduced =
        doubled.scaled(single.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const double difference = lngeom::test::meanAbsoluteDifference(single, reduced);
    if (difference > kGrabTolerance) {
        lngeom::test::saveTestImage(single, "chart-grab-1x");
        qWarning("2x chart differs from 1x by %.2f, saved to %s", difference,
                 qPrintable(lngeom::test::saveTestImage(doubled, "chart-grab-2x")));
    }
    QVERIFY(difference <= kGrabTolerance);
}

void TestChartView::exportsVectorGraphics_data() {
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("written");
    QTest::addColumn<QByteArray>("expectedStart");
    QTest::newRow("svg") << "chart.svg" << true << QByteArray("<?xml");
    QTest::newRow("pdf") << "chart.pdf" << true << QByteArray("%PDF");
    QTest::newRow("unknown extension") << "chart.xyz" << false << QByteArray();
}

void TestChartView::exportsVectorGraphics() {
    QFETCH(QString, fileName);
    QFETCH(bool, written);
    QFETCH(QByteArray, expectedStart);
    QTemporaryDir directory;
    ChartView view;
    QVERIFY(showTestBarsOnScreen(view));
    const QString path = directory.filePath(fileName);
    QCOMPARE(view.exportVector(path), written);
    if (!written) return;
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY(contents.startsWith(expectedStart));
    if (fileName.endsWith(".svg")) {
        QVERIFY(contents.contains("<text"));
        QVERIFY(contents.contains("angle to 1 (degrees)"));
        // GL2PS writes filled shapes as polygons (one per bar at least) and lines as polylines.
        QVERIFY(contents.count("<polygon") >= qsizetype(kHeights.size()));
        QVERIFY(contents.contains("<polyline"));
    }
}

LNGEOM_WIDGETS_TEST_MAIN(TestChartView)
#include "test_chart_view.moc"
