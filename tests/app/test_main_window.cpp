// The main window in-process: it opens the samples and files named on the command line, shows
// what they contain, steps through sites from the keyboard, reports bad files by name and
// reason, and keeps working after a cancelled pass.

#include <vtkChartXY.h>
#include <vtkOutputWindow.h>
#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <tuple>

#include "app/files/file_browser.h"
#include "app/files/sample_files.h"
#include "app/messages/vtk_message_forwarding.h"
#include "app/reactions/metric_glossary_reaction.h"
#include "app/tour/tour_panel.h"
#include "app/tour/tour_steps.h"
#include "app/window/comparison_choice.h"
#include "app/window/first_start_geometry.h"
#include "app/window/pass_progress.h"
#include "app/window/site_selector.h"
#include "app/window/view_set.h"
#include "app/window/window_layout.h"
#include "tests/app/main_window_fixture.h"
#include "tests/widgets/image_checks.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/charts/io_curve_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/charts/massive_view.h"
#include "widgets/charts/norm_growth_view.h"
#include "widgets/document/dump_document.h"
#include "widgets/ellipsoid/ellipsoid_view.h"
#include "widgets/projection/projection_view.h"
#include "widgets/step_through/step_through_panel.h"
#include "widgets/table/token_table_view.h"

using lngeom::test::WindowUnderTest;
using lngeom::widgets::DumpDocument;

namespace {

QStringList childTexts(const QTreeWidgetItem* item, int column) {
    QStringList texts;
    for (int child = 0; child < item->childCount(); ++child)
        texts << item->child(child)->text(column);
    return texts;
}

const QTreeWidgetItem* childNamed(const QTreeWidgetItem* item, const QString& name) {
    for (int child = 0; child < item->childCount(); ++child)
        if (item->child(child)->text(0) == name) return item->child(child);
    return nullptr;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void opensTheSamplesLayerNormFirst();
    void browserShowsWhatTheFileContains();
    void keyboardStepsThroughSites();
    void siteSelectorDrivesTheDocument();
    void badFileIsReportedByNameAndReason_data();
    void badFileIsReportedByNameAndReason();
    void failedFileLeavesTheViewsToAGoodOne();
    void cancelledPassKeepsTheWindowWorking();
    void everyViewFollowsTheCurrentDump();
    void tourDrivesTheViews();
    void tourStatesTheNumbersOfItsData();
    void tourOpensTheSamplesItNeeds();
    void comparisonCanBeChosenOrNone();
    void progressShowsRateAndTimeLeft();
    void closingTheCurrentFileShowsTheNext();
    void glossaryDefinesEveryMetric();
    void messagesCollectQtAndVtk();
    void massivePanelPlotsKeepAUsableSize_data();
    void massivePanelPlotsKeepAUsableSize();
    void ioCurvePlotKeepsAUsableHeight_data();
    void ioCurvePlotKeepsAUsableHeight();
    void everyDockFitsTheDefaultLayout_data();
    void everyDockFitsTheDefaultLayout();
    void actionsNeedingAFileAreGreyedWithoutOne();
    void firstStartGeometryIsMostOfTheScreen_data();
    void firstStartGeometryIsMostOfTheScreen();
    void firstStartOpensOnTheScreenThenKeepsTheUsersSize();
};

void TestMainWindow::opensTheSamplesLayerNormFirst() {
    WindowUnderTest test(lngeom::app::sampleDumpPaths());
    QVERIFY(test.waitSettled());
    const auto& documents = test.documents->documents();
    QCOMPARE(documents.size(), std::size_t(2));
    QCOMPARE(documents[0]->displayName(), QString("sample-layernorm.h5"));
    QCOMPARE(documents[1]->displayName(), QString("sample-rmsnorm.h5"));
    QCOMPARE(test.documents->current(), documents[0]);
    for (DumpDocument* document : documents)
        QCOMPARE(document->state(), DumpDocument::State::Ready);
    QVERIFY(test.window->histogramView()->histogram().has_value());
    QVERIFY(!test.window->passProgress()->isVisible());
    QVERIFY(test.messages().contains("sample-rmsnorm.h5: metrics ready"));
}

void TestMainWindow::browserShowsWhatTheFileContains() {
    WindowUnderTest test({lngeom::app::sampleDumpPaths().front()});
    QVERIFY(test.waitSettled());
    const DumpDocument* document = test.documents->current();
    const QTreeWidgetItem* file = test.window->fileBrowser()->itemOf(document);
    QVERIFY(file);
    QCOMPARE(file->text(1), QString("ready"));
    QCOMPARE(childTexts(file, 0), QStringList({"Size", "Layout", "Tokens", "Model", "Norm sites"}));
    QCOMPARE(childNamed(file, "Tokens")->text(1), QString::number(document->info().n_tokens));
    const QTreeWidgetItem* model = childNamed(file, "Model");
    QVERIFY(childTexts(model, 0).contains("norm_type"));
    QVERIFY(childTexts(model, 1).contains("layernorm"));
    const QTreeWidgetItem* sites = childNamed(file, "Norm sites");
    QCOMPARE(sites->childCount(), int(document->info().sites.size()));
    QCOMPARE(sites->child(0)->text(0), QString("0·ln1"));
    QVERIFY2(sites->child(0)->text(1).contains("layer 0 · ln1 · d "),
             qPrintable(sites->child(0)->text(1)));
    QVERIFY(sites->child(0)->text(1).contains("float32"));
}

void TestMainWindow::keyboardStepsThroughSites() {
    WindowUnderTest test(lngeom::app::sampleDumpPaths());
    QVERIFY(test.waitSettled());
    DumpDocument* document = test.documents->current();
    QVERIFY(test.activate());
    QTest::keyClick(test.window.get(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(document->currentSite(), 1);
    QCOMPARE(test.window->siteSelector()->currentIndex(), 1);
    QTest::keyClick(test.window.get(), Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(document->currentSite(), 2);
    QTest::keyClick(test.window.get(), Qt::Key_PageUp, Qt::ControlModifier);
    QTest::keyClick(test.window.get(), Qt::Key_Up, Qt::ControlModifier);
    QTest::keyClick(test.window.get(), Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(document->currentSite(), 0);
}

void TestMainWindow::siteSelectorDrivesTheDocument() {
    WindowUnderTest test({lngeom::app::sampleDumpPaths().back()});
    QVERIFY(test.waitSettled());
    DumpDocument* document = test.documents->current();
    lngeom::app::SiteSelector* selector = test.window->siteSelector();
    QCOMPARE(selector->count(), int(document->info().sites.size()));
    const int last = selector->count() - 1;
    QCOMPARE(selector->itemText(last), QString("final"));
    selector->setCurrentIndex(last);
    emit selector->activated(last);
    QCOMPARE(document->currentSite(), last);
}

void TestMainWindow::badFileIsReportedByNameAndReason_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << "missing.h5" << QString() << "No such file";
    QTest::newRow("not HDF5") << "notes.h5"
                              << "open(sys.argv[1], 'w').write('plain text')"
                              << "not an HDF5 file";
    QTest::newRow("no float dataset") << "integers.h5"
                                      << "h5py.File(sys.argv[1], 'w')['ids'] = np.arange(10)"
                                      << "neither the native lngeom layout";
}

void TestMainWindow::badFileIsReportedByNameAndReason() {
    QFETCH(QString, name);
    QFETCH(QString, script);
    QFETCH(QString, reason);
    QTemporaryDir directory;
    const QString path = directory.filePath(name);
    if (!script.isEmpty()) QVERIFY(lngeom::test::writeWithH5py(path, script));
    WindowUnderTest test({path});
    QVERIFY(test.waitSettled());
    DumpDocument* document = test.documents->current();
    QCOMPARE(document->state(), DumpDocument::State::Failed);
    const QString messages = test.messages();
    QVERIFY2(messages.contains(name + ": could not open it: " + path), qPrintable(messages));
    QVERIFY2(messages.contains(reason, Qt::CaseInsensitive), qPrintable(messages));
    const QTreeWidgetItem* file = test.window->fileBrowser()->itemOf(document);
    QVERIFY(file->text(1).startsWith("failed: "));
    QVERIFY(!test.window->siteSelector()->isEnabled());
}

void TestMainWindow::failedFileLeavesTheViewsToAGoodOne() {
    WindowUnderTest test({"/nonexistent/first.h5", lngeom::app::sampleDumpPaths().back()});
    QVERIFY(test.waitSettled());
    QCOMPARE(test.documents->current()->displayName(), QString("sample-rmsnorm.h5"));
    QVERIFY(test.window->siteSelector()->isEnabled());
    QVERIFY(test.window->views().histogram->histogram().has_value());
}

void TestMainWindow::cancelledPassKeepsTheWindowWorking() {
    const QStringList samples = lngeom::app::sampleDumpPaths();
    WindowUnderTest test;
    DumpDocument* cancelled = test.documents->open(samples.front());
    QAction* cancel = test.window->findChild<QAction*>("cancel-passes");
    QVERIFY(cancel);
    cancel->trigger();
    QVERIFY(test.waitSettled());
    QCOMPARE(cancelled->state(), DumpDocument::State::Cancelled);
    QVERIFY2(test.messages().contains("sample-layernorm.h5: metrics pass over"),
             qPrintable(test.messages()));
    QCOMPARE(test.window->fileBrowser()->itemOf(cancelled)->text(1), QString("cancelled"));

    DumpDocument* next = test.documents->open(samples.back());
    test.documents->setCurrent(next);
    QVERIFY(test.waitSettled());
    QCOMPARE(next->state(), DumpDocument::State::Ready);
    QVERIFY(test.activate());
    QTest::keyClick(test.window.get(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(next->currentSite(), 1);
    QVERIFY(test.window->histogramView()->histogram().has_value());
}

void TestMainWindow::everyViewFollowsTheCurrentDump() {
    WindowUnderTest test(lngeom::app::sampleDumpPaths());
    QVERIFY(test.waitSettled());
    for (const char* dock :
         {"files", "tour", "histogram", "curves", "heatmap", "compare", "norm-growth", "massive",
          "io-curve", "table", "paper-tables", "messages"})
        QVERIFY2(test.window->findChild<QDockWidget*>(dock), dock);
    const lngeom::app::ViewSet& views = test.window->views();
    DumpDocument* rms = test.documents->documents()[1];
    QCOMPARE(views.projection->document(), test.documents->current());
    QVERIFY(views.projection->shownCloud());
    test.documents->setCurrent(rms);
    QCOMPARE(views.projection->document(), rms);
    QCOMPARE(views.histogram->document(), rms);
    QCOMPARE(views.table->document(), rms);
    QCOMPARE(views.normGrowth->document(), rms);
    QCOMPARE(views.massive->document(), rms);
    QCOMPARE(views.ioCurve->document(), rms);
    QCOMPARE(views.ellipsoid->document(), rms);
    QCOMPARE(views.histogram->comparisonDocument(), test.documents->documents()[0]);
    QVERIFY(test.waitSettled());
}

// Each step shows what its text says: its file, site, metric and vectors, its scene and chart
// raised and visible, the step-through walking at the step's stage, and the numbers of the data.
void TestMainWindow::tourDrivesTheViews() {
    WindowUnderTest test(lngeom::app::sampleDumpPaths());
    QVERIFY(test.waitSettled());
    lngeom::app::TourPanel* tour = test.window->tourPanel();
    const lngeom::app::ViewSet& views = test.window->views();
    const auto& steps = lngeom::app::tourSteps();
    for (int step = 0; step < int(steps.size()); ++step) {
        tour->showStep(step);
        QVERIFY(test.waitSettled());
        const lngeom::app::TourStep& shown = steps[std::size_t(step)];
        DumpDocument* document = test.documents->documents()[std::size_t(shown.sample)];
        const lngeom::SiteIndex last = document->info().sites.size() - 1;
        QCOMPARE(test.documents->current(), document);
        QCOMPARE(document->currentSite(), shown.site == lngeom::app::kLastSite ? last : shown.site);
        QCOMPARE(views.histogram->settings().metric, shown.metric);
        QCOMPARE(views.projection->settings().representation, shown.representation);
        QCOMPARE(views.projection->settings().placement, shown.placement);
        const bool walks = shown.scene == lngeom::app::TourScene::StepThrough;
        QVERIFY(
            (walks ? views.stepThrough->sceneView() : views.projection->sceneView())->isVisible());
        QVERIFY((shown.chart == lngeom::app::TourChart::Curves
                     ? static_cast<QWidget*>(views.curves)
                     : static_cast<QWidget*>(views.histogram))
                    ->isVisible());
        if (walks) {
            QCOMPARE(views.stepThrough->step(), shown.walkStage);
            QVERIFY(QTest::qWaitFor([&] { return views.stepThrough->walk() != nullptr; }));
        }
        const QString text = tour->text();
        QVERIFY(text.startsWith(shown.title));
        QVERIFY2(!QString(text).remove("(1, …, 1)").contains("…"), qPrintable(text));
        lngeom::test::saveTestImage(test.window->grab().toImage(),
                                    QString("main-window-tour-step-%1").arg(step + 1));
    }
}

// A claim of the tour is the data's: step 6 states the largest LN-vs-RMS angle of its site, which
// the histogram beside it runs to; step 5 the spread of ‖y‖.
void TestMainWindow::tourStatesTheNumbersOfItsData() {
    WindowUnderTest test(lngeom::app::sampleDumpPaths());
    QVERIFY(test.waitSettled());
    lngeom::app::TourPanel* tour = test.window->tourPanel();
    const auto summary = [&test](lngeom::Metric metric) {
        const DumpDocument* document = test.documents->current();
        return document->metrics()
            .summaries()[std::size_t(document->currentSite())]
            .metrics[std::size_t(lngeom::column_of(metric))];
    };
    tour->showStep(5);
    QVERIFY(test.waitSettled());
    const lngeom::Summary angle = summary(lngeom::Metric::LnVsRmsDeg);
    QVERIFY2(tour->text().contains(QString::number(angle.max, 'f', 1) + "° at most"),
             qPrintable(tour->text()));
    QVERIFY(tour->text().contains(QString::number(angle.p50, 'f', 1) + "°"));
    tour->showStep(4);
    QVERIFY(test.waitSettled());
    const lngeom::Summary length = summary(lngeom::Metric::LnStandardizedNorm);
    QVERIFY(tour->text().contains("from " + QString::number(length.min, 'f', 6) + " to " +
                                  QString::number(length.max, 'f', 6)));
    QCOMPARE(test.window->views().stepThrough->tokens().size(), std::size_t(6));
}

void TestMainWindow::tourOpensTheSamplesItNeeds() {
    QTemporaryDir directory;
    const QString own = directory.filePath("own.h5");
    QVERIFY(lngeom::test::writeWithH5py(
        own, "h5py.File(sys.argv[1], 'w')['h'] = np.ones((2, 8, 4), 'float32').cumsum(1)"));
    WindowUnderTest test({own});
    QVERIFY(test.waitSettled());
    const int last = int(lngeom::app::tourSteps().size()) - 2;
    test.window->tourPanel()->showStep(last);
    QVERIFY(test.waitSettled());
    QCOMPARE(test.documents->documents().size(), std::size_t(2));
    DumpDocument* rms = test.documents->current();
    QCOMPARE(rms->displayName(), QString("sample-rmsnorm.h5"));
    QCOMPARE(rms->currentSite(), rms->info().sites.size() - 1);
}

void TestMainWindow::comparisonCanBeChosenOrNone() {
    WindowUnderTest test(lngeom::app::sampleDumpPaths());
    QVERIFY(test.waitSettled());
    DumpDocument* layerNorm = test.documents->documents()[0];
    DumpDocument* rmsNorm = test.documents->documents()[1];
    lngeom::app::ComparisonChoice* choice = test.window->comparisonChoice();
    QCOMPARE(choice->comparison(), rmsNorm);
    choice->choose(nullptr);
    QCOMPARE(test.window->views().histogram->comparisonDocument(), nullptr);
    choice->choose(rmsNorm);
    QCOMPARE(test.window->views().histogram->comparisonDocument(), rmsNorm);
    test.documents->setCurrent(rmsNorm);
    QCOMPARE(choice->comparison(), layerNorm);
    QCOMPARE(test.window->views().curves->comparisonDocument(), layerNorm);
    QVERIFY(test.waitSettled());
}

void TestMainWindow::progressShowsRateAndTimeLeft() {
    WindowUnderTest test;
    DumpDocument* document = test.documents->open(lngeom::app::sampleDumpPaths().front());
    QVERIFY(test.window->passProgress()->isVisibleTo(test.window.get()));
    QTest::qWait(20);
    emit document->progress(1000, 4000);
    const QString text = test.window->passProgress()->text();
    QVERIFY2(text.startsWith("sample-layernorm.h5: "), qPrintable(text));
    QVERIFY2(text.contains(" vectors/s · ") && text.endsWith(" s left"), qPrintable(text));
    QVERIFY(test.waitSettled());
    QVERIFY(!test.window->passProgress()->isVisibleTo(test.window.get()));
}

void TestMainWindow::closingTheCurrentFileShowsTheNext() {
    WindowUnderTest test(lngeom::app::sampleDumpPaths());
    QVERIFY(test.waitSettled());
    QCOMPARE(test.window->windowTitle(), QString("sample-layernorm.h5 — lngeom"));
    test.window->findChild<QAction*>("close-file")->trigger();
    QCOMPARE(test.documents->documents().size(), std::size_t(1));
    QCOMPARE(test.documents->current()->displayName(), QString("sample-rmsnorm.h5"));
    QCOMPARE(test.window->views().histogram->document(), test.documents->current());
    QCOMPARE(test.window->fileBrowser()->topLevelItemCount(), 1);
    QCOMPARE(test.window->windowTitle(), QString("sample-rmsnorm.h5 — lngeom"));
    QVERIFY(test.waitSettled());
}

void TestMainWindow::glossaryDefinesEveryMetric() {
    const QString glossary = lngeom::app::MetricGlossaryReaction::glossaryHtml();
    for (const lngeom::MetricDescription& description : lngeom::metric_descriptions()) {
        const QString definition = QString::fromUtf8(description.definition.data(),
                                                     qsizetype(description.definition.size()));
        QVERIFY2(glossary.contains(definition.toHtmlEscaped()), qPrintable(definition));
    }
}

void TestMainWindow::messagesCollectQtAndVtk() {
    WindowUnderTest test;
    test.log->captureQtMessages();
    lngeom::app::forwardVtkMessagesTo(test.log.get());
    qWarning("a warning from Qt");
    vtkGenericWarningMacro("a warning from VTK");
    const QString messages = test.messages();
    QVERIFY2(messages.contains("Qt: a warning from Qt"), qPrintable(messages));
    QVERIFY2(messages.contains("VTK: ") && messages.contains("a warning from VTK"),
             qPrintable(messages));
    QCOMPARE(test.log->messages().back().severity, lngeom::app::MessageSeverity::Warning);
}

namespace {

// The dock tabs drawn narrower than their title and the style's padding (Qt then elides the title
// to "His…"); a tab at its natural width has the whole padding.
QStringList cutDockTabTitles(const lngeom::app::MainWindow& window) {
    QStringList cut;
    for (QTabBar* bar : window.findChildren<QTabBar*>(Qt::FindDirectChildrenOnly)) {
        if (!bar->isVisible()) continue;
        const int padding = bar->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, nullptr, bar);
        for (int tab = 0; tab < bar->count(); ++tab) {
            const int title = bar->fontMetrics().horizontalAdvance(bar->tabText(tab));
            if (bar->tabRect(tab).width() < title + padding / 2) cut << bar->tabText(tab);
        }
    }
    return cut;
}

}  // namespace

void TestMainWindow::massivePanelPlotsKeepAUsableSize_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1920x1080") << QSize(1920, 1080);
    QTest::newRow("1280x800") << QSize(1280, 800);
}

// The Massive tab, raised in the default layout: the layer chart keeps its minimum height (its
// plot area, between the two-line title and the legend below it, at least 150 px high) and the
// energy-share histogram its minimum width, whatever the window's size; the dock scrolls only
// vertically to make room (everyDockFitsTheDefaultLayout checks the sideways part).
void TestMainWindow::massivePanelPlotsKeepAUsableSize() {
    QFETCH(QSize, size);
    WindowUnderTest test(lngeom::app::sampleDumpPaths());
    test.window->resize(size);
    test.window->layout()->reset();
    QVERIFY(test.waitSettled());
    lngeom::widgets::MassiveView* massive = test.window->views().massive;
    test.window->raiseView(massive);
    QTRY_VERIFY_WITH_TIMEOUT(!massive->reports().empty(), 20000);
    lngeom::widgets::ChartView* chart = massive->chartView();
    lngeom::widgets::ChartView* shares = massive->sharesView();
    QVERIFY(chart->isVisible() && shares->isVisible());
    const QString sizes = QString("chart %1 x %2, shares %3 x %4")
                              .arg(chart->width())
                              .arg(chart->height())
                              .arg(shares->width())
                              .arg(shares->height());
    QVERIFY2(chart->width() >= 400 && chart->height() >= 400, qPrintable(sizes));
    QVERIFY2(shares->width() >= 300 && shares->height() >= 130, qPrintable(sizes));
    chart->settleLayout();
    const int plotHeight = chart->chart()->GetPoint2()[1] - chart->chart()->GetPoint1()[1];
    QVERIFY2(plotHeight >= 150, qPrintable(QString("plot area %1 px high").arg(plotHeight)));
    lngeom::test::saveTestImage(test.window->grab().toImage(),
                                QString("massive-tab-%1").arg(QTest::currentDataTag()));
}

void TestMainWindow::ioCurvePlotKeepsAUsableHeight_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<lngeom::IoCurveColouring>("colouring");
    for (const QSize size : {QSize(1920, 1080), QSize(1280, 800)}) {
        const QString screen = QString("%1x%2 ").arg(size.width()).arg(size.height());
        for (const auto& [colouring, name] : lngeom::kIoCurveColouringNames)
            QTest::newRow(qPrintable(screen + QString::fromUtf8(name.data(), name.size())))
                << size << colouring;
    }
}

// The I/O curve tab, raised in the default layout: by channel its legend has ten entries below
// the plot, which keeps at least 150 px of height; the dock scrolls vertically to make room.
void TestMainWindow::ioCurvePlotKeepsAUsableHeight() {
    QFETCH(QSize, size);
    QFETCH(lngeom::IoCurveColouring, colouring);
    WindowUnderTest test(lngeom::app::sampleDumpPaths());
    test.window->resize(size);
    test.window->layout()->reset();
    QVERIFY(test.waitSettled());
    lngeom::widgets::IoCurveView* ioCurve = test.window->views().ioCurve;
    ioCurve->setColouring(colouring);
    test.window->raiseView(ioCurve);
    QTRY_VERIFY_WITH_TIMEOUT(ioCurve->sample().has_value(), 20000);
    lngeom::widgets::ChartView* chart = ioCurve->chartView();
    chart->settleLayout();
    const int plotHeight = chart->chart()->GetPoint2()[1] - chart->chart()->GetPoint1()[1];
    QVERIFY2(plotHeight >= 150, qPrintable(QString("plot area %1 px high").arg(plotHeight)));
    lngeom::test::saveTestImage(test.window->grab().toImage(),
                                QString("io-curve-tab-%1").arg(QTest::currentDataTag()));
}

// From a large screen down to a 1280 × 800 laptop, with the default layout.
void TestMainWindow::everyDockFitsTheDefaultLayout_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1920x1080") << QSize(1920, 1080);
    QTest::newRow("1600x1000") << QSize(1600, 1000);
    QTest::newRow("1400x820") << QSize(1400, 820);
    QTest::newRow("1280x800") << QSize(1280, 800);
}

// Neither a view's scroll area (the docks' and the central one) nor the Files tree scrolls
// sideways: each content's narrowest useful width fits the room the layout gives it. The token
// table alone may scroll: its columns are data. Each 3D scene, raised, has at least 400 × 300 px.
void TestMainWindow::everyDockFitsTheDefaultLayout() {
    QFETCH(QSize, size);
    WindowUnderTest test(lngeom::app::sampleDumpPaths());
    test.window->resize(size);
    test.window->layout()->reset();
    QVERIFY(test.waitSettled());
    const lngeom::app::ViewSet& views = test.window->views();
    using Scene = std::tuple<const char*, QWidget*, QWidget*>;
    for (const auto& [name, view, scene] :
         {Scene{"3D projection", views.projection, views.projection->sceneView()},
          Scene{"step-through", views.stepThrough, views.stepThrough->sceneView()}}) {
        test.window->raiseView(view);
        QCoreApplication::processEvents();
        QVERIFY2(scene->isVisible(), name);
        QVERIFY2(scene->width() >= 400 && scene->height() >= 300,
                 qPrintable(
                     QString("%1: %2 x %3 px").arg(name).arg(scene->width()).arg(scene->height())));
    }
    QStringList tooWide;
    const auto check = [&tooWide](const QString& name, QAbstractScrollArea* area) {
        QCoreApplication::processEvents();
        if (!area || !area->horizontalScrollBar()->isVisible()) return;
        auto* scroll = qobject_cast<QScrollArea*>(area);
        tooWide << QString("%1 (needs %2 px, has %3)")
                       .arg(name)
                       .arg(scroll ? scroll->widget()->minimumSizeHint().width()
                                   : area->horizontalScrollBar()->maximum() +
                                         area->viewport()->width())
                       .arg(area->viewport()->width());
    };
    check("3D projection", qobject_cast<QScrollArea*>(test.window->centralWidget()));
    for (QDockWidget* dock : test.window->findChildren<QDockWidget*>()) {
        dock->raise();
        check(dock->objectName(), qobject_cast<QScrollArea*>(dock->widget()));
    }
    check("files tree", test.window->fileBrowser());
    QVERIFY2(tooWide.isEmpty(), qPrintable(tooWide.join(", ")));
    const QStringList cut = cutDockTabTitles(*test.window);
    QVERIFY2(cut.isEmpty(), qPrintable("tab titles cut short: " + cut.join(", ")));
}

namespace {

// Which of the File menu's actions are enabled, by object name (the export menus' entries by
// their menu's name and text).
QStringList enabledFileActions(const lngeom::app::MainWindow& window) {
    QStringList enabled;
    for (const char* name : {"close-file", "save-session", "cancel-passes"})
        if (window.findChild<QAction*>(name)->isEnabled()) enabled << name;
    for (const char* menu : {"export-figure", "export-data"})
        for (QAction* action : window.findChild<QMenu*>(menu)->actions())
            if (action->isEnabled()) enabled << QString(menu) + ": " + action->text();
    return enabled;
}

}  // namespace

// ParaView's habit: what needs an open file (or its metrics, or a running pass) is greyed out
// until there is one.
void TestMainWindow::actionsNeedingAFileAreGreyedWithoutOne() {
    WindowUnderTest test;
    QCOMPARE(enabledFileActions(*test.window), QStringList());
    test.documents->open(lngeom::app::sampleDumpPaths().front());
    QCOMPARE(enabledFileActions(*test.window),
             QStringList({"close-file", "save-session", "cancel-passes"}));
    QVERIFY(test.waitSettled());
    const QStringList ready = enabledFileActions(*test.window);
    // Close and Save Session, each figure of one dump (not the comparing ones), 3 data exports.
    QVERIFY2(ready.size() == 2 + 9 + 3 && !ready.contains("cancel-passes"),
             qPrintable(ready.join(", ")));
    QVERIFY(ready.contains("export-figure: &Step-Through…"));
    test.window->findChild<QAction*>("close-file")->trigger();
    QCOMPARE(enabledFileActions(*test.window), QStringList());
}

void TestMainWindow::firstStartGeometryIsMostOfTheScreen_data() {
    QTest::addColumn<QRect>("available");
    QTest::addColumn<QRect>("geometry");
    QTest::newRow("1920x1080: 90%, centred") << QRect(0, 0, 1920, 1080) << QRect(96, 54, 1728, 972);
    QTest::newRow("1280x800: all of it") << QRect(0, 0, 1280, 800) << QRect(0, 0, 1280, 800);
    QTest::newRow("1366x768: 1280 wide, all the height")
        << QRect(0, 0, 1366, 768) << QRect(43, 0, 1280, 768);
    QTest::newRow("1024x600: never larger") << QRect(0, 0, 1024, 600) << QRect(0, 0, 1024, 600);
    QTest::newRow("second screen, under a panel")
        << QRect(1920, 32, 2560, 1408) << QRect(2048, 102, 2304, 1267);
}

void TestMainWindow::firstStartGeometryIsMostOfTheScreen() {
    QFETCH(QRect, available);
    QFETCH(QRect, geometry);
    QCOMPARE(lngeom::app::firstStartGeometry(available), geometry);
}

// With nothing saved the window opens on most of its screen; once the user has sized it, that
// size comes back.
void TestMainWindow::firstStartOpensOnTheScreenThenKeepsTheUsersSize() {
    QSettings().clear();
    lngeom::app::MessageLog log;
    lngeom::app::DocumentList documents(lngeom::StoreOptions{}, &log);
    {
        lngeom::app::MainWindow first(&documents, &log);
        const QRect available = first.screen()->availableGeometry();
        QCOMPARE(first.geometry(), lngeom::app::firstStartGeometry(available));
        first.resize(1100, 700);
        first.layout()->save();
    }
    lngeom::app::MainWindow second(&documents, &log);
    QCOMPARE(second.size(), QSize(1100, 700));
    QSettings().clear();
}

LNGEOM_WIDGETS_TEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
