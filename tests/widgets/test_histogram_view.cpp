// The histogram view on the LayerNorm sample: its bars are the core's histogram of the kept
// values, a range or a drag selects exactly the tokens of its bins, and the chart renders.

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <QHelpEvent>
#include <QToolTip>
#include <QtTest>

#include <numeric>

#include "core/columns/column_statistics.h"
#include "tests/widgets/image_checks.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/charts/chart_brush.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/document/token_selection.h"
#include "widgets/support/selection_colour.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

const QColor kSiteColour(70, 110, 190);

std::vector<float> valuesOf(const DumpDocument& document, Metric metric) {
    return test::columnValues(document, document.currentSite(), metric);
}

std::int64_t total(const Histogram& histogram) {
    return std::accumulate(histogram.counts.begin(), histogram.counts.end(), std::int64_t(0)) +
           histogram.below + histogram.above;
}

}  // namespace

class TestHistogramView : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void barsAreTheCoresHistogram_data();
    void barsAreTheCoresHistogram();
    void anglesDefaultToAWindowAroundNinety();
    void logCountsScaleTheHeights();
    void outlinesTheOutputNorm();
    void rangeSelectsExactlyItsBinsTokens_data();
    void rangeSelectsExactlyItsBinsTokens();
    void dragSelectsTheBrushedBins();
    void rendersBarsAndSelection();
    void tooltipNamesTheBinAndItsCount();

  private:
    std::unique_ptr<DumpDocument> document_;
};

void TestHistogramView::initTestCase() {
    document_ = test::loadSample("sample-layernorm.h5");
    QVERIFY(document_);
}

void TestHistogramView::barsAreTheCoresHistogram_data() {
    QTest::addColumn<int>("metric");
    QTest::addColumn<SiteIndex>("site");
    QTest::addColumn<int>("bins");
    QTest::newRow("angle, 80 bins") << int(Metric::AngleToUniformDeg) << SiteIndex{0} << 80;
    QTest::newRow("norm, 7 bins") << int(Metric::Norm) << SiteIndex{3} << 7;
    QTest::newRow("rotation, 200 bins") << int(Metric::RotationDeg) << SiteIndex{8} << 200;
}

void TestHistogramView::barsAreTheCoresHistogram() {
    QFETCH(int, metric);
    QFETCH(SiteIndex, site);
    QFETCH(int, bins);
    document_->setCurrentSite(site);
    HistogramView view;
    view.setDocument(document_.get());
    view.setMetric(Metric(metric));
    view.setBins(bins);
    QVERIFY(view.histogram());
    const Histogram& drawn = *view.histogram();
    const Summary& summary = document_->metrics().summary(site, Metric(metric));
    QCOMPARE(total(drawn), summary.count);
    QCOMPARE(drawn.below + drawn.above, std::int64_t(0));
    const ValueRange narrow{summary.p01, summary.p99};
    view.setRange(narrow);
    const Histogram expected =
        histogram_of(valuesOf(*document_, Metric(metric)), narrow.low, narrow.high, bins);
    QCOMPARE(view.histogram()->counts, expected.counts);
    QCOMPARE(view.histogram()->below, expected.below);
    QCOMPARE(total(*view.histogram()), summary.count);
}

void TestHistogramView::anglesDefaultToAWindowAroundNinety() {
    document_->setCurrentSite(2);
    HistogramView view;
    view.setDocument(document_.get());
    const ValueRange range = view.effectiveRange();
    QVERIFY(range.low <= 80.0 && range.high >= 100.0);
    const Summary& angle = document_->metrics().summary(2, Metric::AngleToUniformDeg);
    QVERIFY(range.low <= angle.min && range.high >= angle.max);
}

void TestHistogramView::logCountsScaleTheHeights() {
    document_->setCurrentSite(1);
    HistogramView view;
    view.setDocument(document_.get());
    view.setLogCounts(true);
    const auto& counts = view.histogram()->counts;
    const double highest = double(*std::max_element(counts.begin(), counts.end()));
    vtkAxis* left = view.chartView()->chart()->GetAxis(vtkAxis::LEFT);
    QVERIFY(std::abs(left->GetMaximum() - std::log10(1.0 + highest) * 1.08) < 1e-9);
    QCOMPARE(QString::fromStdString(left->GetTitle()), QStringLiteral("log10(1 + tokens)"));
}

void TestHistogramView::outlinesTheOutputNorm() {
    document_->setCurrentSite(2);
    HistogramView view;
    view.resize(800, 500);
    view.setDocument(document_.get());
    view.setMetric(Metric::Norm);
    const auto& output = document_->metrics().summary(2, Metric::OutputNorm);
    const auto& input = document_->metrics().summary(2, Metric::Norm);
    view.setRange(
        ValueRange{std::min(output.min, input.min) - 1, std::max(output.max, input.max) + 1});
    view.setOverlay(HistogramOverlay{std::nullopt, Metric::OutputNorm});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage chart = view.chartView()->grabImage();
    const double outline = test::fractionOfPixelsNear(chart, QColor(170, 30, 60), 15);
    QVERIFY2(outline > 0.001, qPrintable(test::saveTestImage(chart, "histogram-output-overlay")));
}

void TestHistogramView::rangeSelectsExactlyItsBinsTokens_data() {
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::newRow("centre") << 88.0 << 92.0;
    QTest::newRow("reversed") << 95.0 << 85.0;
    QTest::newRow("past the edges") << 0.0 << 180.0;
}

void TestHistogramView::rangeSelectsExactlyItsBinsTokens() {
    QFETCH(double, low);
    QFETCH(double, high);
    document_->setCurrentSite(1);
    HistogramView view;
    view.setDocument(document_.get());
    view.setRange(ValueRange{80.0, 100.0});
    view.selectRange(low, high);
    const Histogram& drawn = *view.histogram();
    const int first = drawn.bin_of(std::clamp(std::min(low, high), 80.0, 100.0));
    const int last = drawn.bin_of(std::clamp(std::max(low, high), 80.0, 100.0));
    const auto counted = std::accumulate(drawn.counts.begin() + first,
                                         drawn.counts.begin() + last + 1, std::int64_t(0));
    const auto& selected = test::selectedTokens(*document_);
    QCOMPARE(std::int64_t(selected.size()), counted);
    const auto values = valuesOf(*document_, Metric::AngleToUniformDeg);
    for (Index token : selected) {
        const float value = values[std::size_t(token)];
        QVERIFY(value >= drawn.bin_low(first) && value <= drawn.bin_low(last) + drawn.bin_width());
    }
    document_->selection()->clear();
}

namespace {

// The view on screen at 800 × 500 with site 0, its chart drawn once.
bool showDrawn(HistogramView& view, DumpDocument& document) {
    document.setCurrentSite(0);
    view.resize(800, 500);
    view.setDocument(&document);
    view.show();
    return QTest::qWaitForWindowExposed(&view) &&
           QTest::qWaitFor([&view] { return view.chartView()->renderCount() > 0; }, 5000);
}

}  // namespace

void TestHistogramView::dragSelectsTheBrushedBins() {
    HistogramView view;
    QVERIFY(showDrawn(view, *document_));
    ChartView* chart = view.chartView();
    const QPoint from(chart->width() * 2 / 5, chart->height() / 2);
    const QPoint to(chart->width() * 3 / 5, chart->height() / 2);
    QTest::mousePress(chart, Qt::LeftButton, {}, from);
    QTest::mouseMove(chart, to);
    QTest::mouseRelease(chart, Qt::LeftButton, {}, to);
    const Histogram& drawn = *view.histogram();
    const int first = drawn.bin_of(chartDataPoint(*chart, from).x());
    const int last = drawn.bin_of(chartDataPoint(*chart, to).x());
    const auto expected = column_tokens_in_bins(*document_->metrics().columns(0),
                                                Metric::AngleToUniformDeg, drawn, first, last)
                              .to_vector();
    QVERIFY(!expected.empty());
    QCOMPARE(test::selectedTokens(*document_), expected);
    document_->selection()->clear();
}

void TestHistogramView::rendersBarsAndSelection() {
    document_->setCurrentSite(4);
    HistogramView view;
    view.resize(900, 560);
    view.setDocument(document_.get());
    view.setOverlay(HistogramOverlay{6, Metric::AngleToUniformDeg});
    view.selectRange(89.0, 91.0);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage chart = view.chartView()->grabImage();
    const double bars = test::fractionOfPixelsNear(chart, kSiteColour, 12);
    const double selection = test::fractionOfPixelsNear(chart, kSelectionColour, 12);
    test::saveTestImage(view.grab().toImage(), "histogram-view");
    QVERIFY2(bars > 0.02 && selection > 0.005,
             qPrintable(QString("bars %1, selection %2, saved %3")
                            .arg(bars)
                            .arg(selection)
                            .arg(test::saveTestImage(chart, "histogram-view-chart"))));
    document_->selection()->clear();
}

// In the metric's words, not VTK's plot layers, and gone once the mouse leaves the chart.
void TestHistogramView::tooltipNamesTheBinAndItsCount() {
    HistogramView view;
    QVERIFY(showDrawn(view, *document_));
    view.selectRange(89.0, 91.0);
    ChartView* chart = view.chartView();
    const QPoint position(chart->width() / 2, chart->height() / 2);
    const Histogram& drawn = *view.histogram();
    const int bin = drawn.bin_of(chartDataPoint(*chart, position).x());
    QHelpEvent help(QEvent::ToolTip, position, chart->mapToGlobal(position));
    QCoreApplication::sendEvent(chart, &help);
    QVERIFY(QToolTip::isVisible());
    const QString expected = QString("angle to 1 (°) from %1 to %2: %3 tokens")
                                 .arg(drawn.bin_low(bin), 0, 'f', 2)
                                 .arg(drawn.bin_low(bin + 1), 0, 'f', 2)
                                 .arg(drawn.counts[std::size_t(bin)]);
    QVERIFY2(QToolTip::text().startsWith(expected), qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains("of them selected"));
    QVERIFY(!QToolTip::text().contains("layer"));
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(chart, &leave);
    QTRY_VERIFY(!QToolTip::isVisible());
    document_->selection()->clear();
}

LNGEOM_WIDGETS_TEST_MAIN(TestHistogramView)
#include "test_histogram_view.moc"
