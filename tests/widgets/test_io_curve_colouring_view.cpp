// The input–output curve view's colouring on the dump with massive activations planted at
// dimensions 7, 42 and 13 of site 002 (make_analysis_fixtures.py): the density draws the cell
// image under a colour bar of log counts; by channel, one set of points per planted channel
// (legend entries naming them) over the grey other channels, without a colour bar; by token,
// one set of points coloured through a colour bar of the tokens' σₜ. The Colour box switches
// it as a user would, and every title on the chart is plain Unicode (no literal TeX such as
// "x_{t,i}"). Images of each mode go to test-output/ for looking at.

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkPlotHistogram2D.h>
#include <vtkPlotLine.h>
#include <vtkPlotPoints.h>
#include <QComboBox>
#include <QSignalSpy>
#include <QtTest>

#include "tests/core/test_analysis_fixtures.h"
#include "tests/widgets/image_checks.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/charts/chart_colour_bar.h"
#include "widgets/charts/io_curve_view.h"
#include "widgets/document/dump_document.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

struct DrawnPlots {
    int images = 0;
    int pointSets = 0;
    int scalarColoured = 0;
    QStringList legend;  // the labels of the plots with a legend entry
};

DrawnPlots drawnPlots(vtkChartXY* chart) {
    DrawnPlots drawn;
    for (vtkIdType index = 0; index < chart->GetNumberOfPlots(); ++index) {
        vtkPlot* plot = chart->GetPlot(index);
        if (vtkPlotHistogram2D::SafeDownCast(plot)) ++drawn.images;
        // Lines are vtkPlotPoints too.
        if (auto* points = vtkPlotPoints::SafeDownCast(plot);
            points && !vtkPlotLine::SafeDownCast(plot)) {
            ++drawn.pointSets;
            if (points->GetScalarVisibility()) ++drawn.scalarColoured;
        }
        if (plot->GetLegendVisibility()) drawn.legend << QString::fromStdString(plot->GetLabel());
    }
    return drawn;
}

}  // namespace

class TestIoCurveColouringView : public QObject {
    Q_OBJECT

    std::unique_ptr<DumpDocument> document_;

  private slots:
    void initTestCase() {
        document_ =
            test::loadDocument(QString::fromStdString(test::analysis_fixture("massive.h5")));
        QVERIFY(document_);
        document_->setCurrentSite(2);
    }

    void eachColouringDrawsWhatItSays_data() {
        QTest::addColumn<int>("colouring");
        QTest::addColumn<int>("images");
        QTest::addColumn<int>("pointSets");
        QTest::addColumn<int>("scalarColoured");
        QTest::addColumn<QString>("colourBar");      // its title; empty: none shown
        QTest::addColumn<QStringList>("legendHas");  // legend labels starting so
        QTest::newRow("density") << int(IoCurveColouring::Density) << 1 << 0 << 0
                                 << "log₁₀(1 + points in the cell)"
                                 << QStringList{"token ", "tanh("};
        QTest::newRow("channel") << int(IoCurveColouring::Channel) << 0 << kIoCurveChannels + 1 << 0
                                 << QString()
                                 << QStringList{"channel 7 (max |x| 2.5e+03)",
                                                "channel 42 (max |x| 1.8e+03)",
                                                "channel 13 (max |x| 300)", "other channels",
                                                "tanh("};
        QTest::newRow("token") << int(IoCurveColouring::Token) << 0 << 1 << 1
                               << "log₁₀ σₜ of the token (slope 1/σₜ)" << QStringList{"tanh("};
    }

    void eachColouringDrawsWhatItSays() {
        QFETCH(int, colouring);
        QFETCH(int, images);
        QFETCH(int, pointSets);
        QFETCH(int, scalarColoured);
        QFETCH(QString, colourBar);
        QFETCH(QStringList, legendHas);
        IoCurveView view;
        view.resize(900, 650);
        view.setDocument(document_.get());
        view.setColouring(IoCurveColouring(colouring));
        view.computeNow();
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.sample().has_value());
        const DrawnPlots drawn = drawnPlots(view.chartView()->chart());
        QCOMPARE(drawn.images, images);
        QCOMPARE(drawn.pointSets, pointSets);
        QCOMPARE(drawn.scalarColoured, scalarColoured);
        const ChartColourBar* bar = view.chartView()->colourBar();
        QCOMPARE(bar->isShown(), !colourBar.isEmpty());
        if (bar->isShown()) QCOMPARE(QString::fromStdString(bar->title()), colourBar);
        for (const QString& wanted : legendHas)
            QVERIFY2(std::any_of(drawn.legend.begin(), drawn.legend.end(),
                                 [&](const QString& label) { return label.startsWith(wanted); }),
                     qPrintable(wanted + " not in the legend: " + drawn.legend.join(" | ")));
        QCOMPARE(view.groups().empty(), colouring == int(IoCurveColouring::Density));
        test::saveTestImage(view.grab().toImage(),
                            QString("io-curve-view-%1").arg(QTest::currentDataTag()));
    }

    // The bottom axis says "input xₜ,ᵢ"; no title on the chart keeps TeX markup.
    void titlesAreUnicodeNotTex() {
        IoCurveView view;
        view.setDocument(document_.get());
        view.computeNow();
        vtkChartXY* chart = view.chartView()->chart();
        QCOMPARE(QString::fromStdString(chart->GetAxis(vtkAxis::BOTTOM)->GetTitle()),
                 QString("input xₜ,ᵢ"));
        const QStringList titles{
            QString::fromStdString(view.chartView()->fullTitle()),
            QString::fromStdString(chart->GetAxis(vtkAxis::BOTTOM)->GetTitle()),
            QString::fromStdString(chart->GetAxis(vtkAxis::LEFT)->GetTitle()), view.caption()};
        for (const QString& title : titles)
            QVERIFY2(!title.contains("_{") && !title.contains("^{") && !title.contains("σ_t"),
                     qPrintable(title));
    }

    // The Colour box, driven from the keyboard as a user would, switches the drawing.
    void theColourBoxSwitchesTheColouring() {
        IoCurveView view;
        view.setDocument(document_.get());
        view.computeNow();
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QComboBox* box = view.colouringBox();
        QCOMPARE(view.colouring(), IoCurveColouring::Density);
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Down);
        QCOMPARE(view.colouring(), IoCurveColouring::Channel);
        QCOMPARE(drawnPlots(view.chartView()->chart()).images, 0);
        QTest::keyClick(box, Qt::Key_Down);
        QCOMPARE(view.colouring(), IoCurveColouring::Token);
        QVERIFY(view.chartView()->colourBar()->isShown());
        view.setColouring(IoCurveColouring::Density);
        QCOMPARE(box->currentText(), QString("density"));
        QCOMPARE(drawnPlots(view.chartView()->chart()).images, 1);
    }
};

LNGEOM_WIDGETS_TEST_MAIN(TestIoCurveColouringView)
#include "test_io_curve_colouring_view.moc"
