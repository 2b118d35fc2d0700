// Sessions and themes: a session saved from one window and restored in a fresh one gives the
// same files, current and compared file, sites, selections, view settings, step-through walk,
// layout and theme; a session written before some keys existed still loads; bad session files
// are refused with their name, the key and the reason (also by `lngeom --session`); the light
// and dark themes and their toggle.

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "app/files/sample_files.h"
#include "app/session/session.h"
#include "app/session/session_state.h"
#include "app/window/comparison_choice.h"
#include "app/window/theme.h"
#include "tests/app/main_window_fixture.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/charts/io_curve_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/charts/layer_heatmap_view.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"
#include "widgets/ellipsoid/ellipsoid_view.h"
#include "widgets/projection/projection_view.h"
#include "widgets/step_through/step_through_panel.h"
#include "widgets/table/token_table_view.h"

using lngeom::test::WindowUnderTest;
using lngeom::widgets::DumpDocument;
namespace app = lngeom::app;

namespace {

// The session as JSON without the layout bytes, which Qt may encode differently for the same
// arrangement.
QJsonObject comparable(const app::Session& session) {
    QJsonObject json = app::sessionToJson(session);
    json.remove("layout");
    return json;
}

int lightness(const QWidget& widget) {
    QCoreApplication::processEvents();
    return widget.palette().color(QPalette::Window).lightness();
}

}  // namespace

class TestMainWindowSession : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { app::applyTheme(app::Theme::Light); }
    void sessionSurvivesARestart();
    void stepThroughAndComparisonSurviveARestart();
    void sessionWithoutNewerKeysLoads();
    void ioCurveColouringRoundTrips_data();
    void ioCurveColouringRoundTrips();
    void badSessionIsRefusedByNameAndReason_data();
    void badSessionIsRefusedByNameAndReason();
    void commandLineRefusesABadSession();
    void commandLineRestoresASession();
    void themesSwitchAndToggle();
};

void TestMainWindowSession::sessionSurvivesARestart() {
    QTemporaryDir directory;
    const QString path = directory.filePath("session.json");
    app::Session saved;
    {
        WindowUnderTest first(app::sampleDumpPaths());
        QVERIFY(first.waitSettled());
        DumpDocument* rms = first.documents->documents()[1];
        first.documents->setCurrent(rms);
        rms->setCurrentSite(2);
        const std::vector<lngeom::Index> tokens{3, 5, 7};
        rms->selection()->setTokens(tokens);
        lngeom::widgets::HistogramSettings histogram;
        histogram.metric = lngeom::Metric::Norm;
        histogram.bins = 40;
        histogram.logCounts = true;
        histogram.range = lngeom::ValueRange{1, 30};
        first.window->histogramView()->setSettings(histogram);
        lngeom::widgets::TokenTableSettings table;
        table.filter.text = "e";
        table.filter.metric = lngeom::Metric::AngleToUniformDeg;
        table.filter.range = lngeom::ValueRange{85, 95};
        table.sortColumn = lngeom::widgets::TokenTableModel::TextColumn;
        table.sortOrder = Qt::DescendingOrder;
        first.window->views().table->setSettings(table);
        lngeom::widgets::ProjectionSettings projection;
        projection.placement = lngeom::Placement::TrueRadius;
        projection.colour = lngeom::widgets::ProjectionColour::Norm;
        projection.basis.choice = lngeom::BasisChoice::Random;
        projection.basis.seed = 7;
        first.window->views().projection->setSettings(projection);
        lngeom::widgets::EllipsoidSettings ellipsoid;
        ellipsoid.axes = lngeom::AxisChoice::MostOccupied;
        ellipsoid.colour = lngeom::widgets::EllipsoidColour::ShellDepth;
        ellipsoid.maxPoints = 300;
        first.window->views().ellipsoid->setSettings(ellipsoid);
        first.window->views().ioCurve->setColouring(lngeom::IoCurveColouring::Token);
        QVERIFY(first.waitSettled());
        first.window->findChild<QDockWidget*>("tour")->hide();
        app::applyTheme(app::Theme::Dark);
        saved = app::captureSession(*first.window);
        app::writeSessionFile(saved, path);
    }
    app::applyTheme(app::Theme::Light);
    WindowUnderTest second;
    app::restoreSession(*second.window, app::readSessionFile(path));
    QVERIFY(second.waitSettled());
    const app::Session restored = app::captureSession(*second.window);
    QCOMPARE(QJsonDocument(comparable(restored)).toJson(),
             QJsonDocument(comparable(saved)).toJson());
    QCOMPARE(second.documents->current()->displayName(), QString("sample-rmsnorm.h5"));
    QCOMPARE(second.documents->current()->currentSite(), 2);
    QCOMPARE(second.documents->current()->selection()->set().to_vector(),
             (std::vector<lngeom::Index>{3, 5, 7}));
    QCOMPARE(second.window->histogramView()->settings().bins, 40);
    QCOMPARE(second.window->views().table->settings().filter.text, QString("e"));
    QCOMPARE(second.window->views().projection->settings().placement,
             lngeom::Placement::TrueRadius);
    QCOMPARE(second.window->views().projection->settings().basis.choice,
             lngeom::BasisChoice::Random);
    QCOMPARE(second.window->views().projection->settings().basis.seed, std::uint64_t(7));
    QVERIFY(second.window->views().ellipsoid->settings().axes == lngeom::AxisChoice::MostOccupied);
    QVERIFY(second.window->views().ellipsoid->settings().colour ==
            lngeom::widgets::EllipsoidColour::ShellDepth);
    QCOMPARE(second.window->views().ellipsoid->settings().maxPoints, lngeom::Index(300));
    QCOMPARE(second.window->views().ioCurve->colouring(), lngeom::IoCurveColouring::Token);
    QCOMPARE(second.window->views().ioCurve->colouringBox()->currentText(), QString("by token"));
    QVERIFY(second.window->findChild<QDockWidget*>("tour")->isHidden());
    QCOMPARE(app::currentTheme(), app::Theme::Dark);
}

void TestMainWindowSession::stepThroughAndComparisonSurviveARestart() {
    QTemporaryDir directory;
    const QString path = directory.filePath("session.json");
    app::Session saved;
    {
        WindowUnderTest first(app::sampleDumpPaths());
        QVERIFY(first.waitSettled());
        const app::ViewSet& views = first.window->views();
        first.window->comparisonChoice()->choose(nullptr);
        lngeom::widgets::LayerHeatmapSettings heatmap;
        heatmap.metric = lngeom::Metric::Norm;
        heatmap.bins = 24;
        heatmap.range = lngeom::ValueRange{2, 40};
        heatmap.rowFractions = false;
        views.heatmap->setSettings(heatmap);
        lngeom::widgets::LayerCurvesSettings curves;
        curves.metric = lngeom::Metric::Sigma;
        curves.showExtremes = false;
        views.curves->setSettings(curves);
        views.stepThrough->setSettings({3, 700});
        views.stepThrough->setTokens({11, 4});
        views.stepThrough->setTeachingVector(Eigen::Vector3d(1.5, -2, 4));
        QVERIFY(first.waitSettled());
        saved = app::captureSession(*first.window);
        app::writeSessionFile(saved, path);
    }
    QCOMPARE(saved.comparison, std::optional<int>(-1));
    WindowUnderTest second;
    app::restoreSession(*second.window, app::readSessionFile(path));
    QVERIFY(second.waitSettled());
    const app::ViewSet& views = second.window->views();
    const std::vector<lngeom::Index> walked{11, 4};
    QVERIFY(QTest::qWaitFor([&] { return views.stepThrough->tokens() == walked; }));
    QCOMPARE(QJsonDocument(comparable(app::captureSession(*second.window))).toJson(),
             QJsonDocument(comparable(saved)).toJson());
    QVERIFY(!second.window->comparisonChoice()->comparison());
    QCOMPARE(views.heatmap->settings().bins, 24);
    QCOMPARE(views.heatmap->settings().range->high, 40.0);
    QVERIFY(!views.heatmap->settings().rowFractions);
    QCOMPARE(views.curves->settings().metric, lngeom::Metric::Sigma);
    QCOMPARE(views.stepThrough->step(), 3);
    QCOMPARE(views.stepThrough->settings().intervalMs, 700);
    QCOMPARE(views.stepThrough->teachingVector(), std::optional(Eigen::Vector3d(1.5, -2, 4)));
}

void TestMainWindowSession::sessionWithoutNewerKeysLoads() {
    QTemporaryDir directory;
    const QString path = directory.filePath("old-session.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QStringList samples = app::sampleDumpPaths();
    file.write(QString(R"({"format": "lngeom-session", "version": 1, "current": 0,
                           "files": [{"path": "%1", "site": 1}, {"path": "%2"}],
                           "histogram": {"metric": "norm", "bins": 30}})")
                   .arg(samples.front(), samples.back())
                   .toUtf8());
    file.close();
    const app::Session session = app::readSessionFile(path);
    QVERIFY(!session.comparison);
    QCOMPARE(session.heatmap.bins, lngeom::widgets::LayerHeatmapSettings{}.bins);
    QVERIFY(!session.heatmap.range);
    QVERIFY(session.stepThrough.tokens.empty());
    QVERIFY(!session.stepThrough.teachingVector);
    WindowUnderTest window;
    app::restoreSession(*window.window, session);
    QVERIFY(window.waitSettled());
    QCOMPARE(window.documents->current()->currentSite(), 1);
    QCOMPARE(window.window->comparisonChoice()->comparison(), window.documents->documents()[1]);
    QCOMPARE(window.window->histogramView()->settings().bins, 30);
    QCOMPARE(window.window->views().stepThrough->step(), 0);
}

void TestMainWindowSession::ioCurveColouringRoundTrips_data() {
    QTest::addColumn<int>("colouring");
    for (const auto& [colouring, name] : lngeom::kIoCurveColouringNames)
        QTest::newRow(std::string(name).c_str()) << int(colouring);
}

// In the file as its name ({"io_curve": {"colour": "token"}}), read back as it was; a session
// written before the key existed keeps the density.
void TestMainWindowSession::ioCurveColouringRoundTrips() {
    QFETCH(int, colouring);
    app::Session session;
    session.ioCurve = lngeom::IoCurveColouring(colouring);
    const QJsonObject json = app::sessionToJson(session);
    QCOMPARE(json["io_curve"].toObject()["colour"].toString(),
             QString::fromUtf8(lngeom::io_curve_colouring_name(session.ioCurve)));
    QCOMPARE(app::sessionFromJson(json, "s.json").ioCurve, session.ioCurve);
    QJsonObject older = json;
    older.remove("io_curve");
    QCOMPARE(app::sessionFromJson(older, "s.json").ioCurve, lngeom::IoCurveColouring::Density);
}

void TestMainWindowSession::badSessionIsRefusedByNameAndReason_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not JSON") << QByteArray("{ files: ") << "not valid JSON";
    QTest::newRow("another JSON file") << QByteArray("{\"name\": 1}") << "not an lngeom session";
    QTest::newRow("newer version") << QByteArray(R"({"format": "lngeom-session", "version": 9})")
                                   << "session version 9 is not supported";
    QTest::newRow("unknown metric")
        << QByteArray(
               R"({"format": "lngeom-session", "version": 1, "histogram": {"metric": "mass"}})")
        << "histogram.metric: 'mass' is not a metric";
    QTest::newRow("heatmap bins not a number")
        << QByteArray(R"({"format": "lngeom-session", "version": 1, "heatmap": {"bins": "many"}})")
        << "heatmap.bins: must be a whole number";
    QTest::newRow("no heatmap bins")
        << QByteArray(R"({"format": "lngeom-session", "version": 1, "heatmap": {"bins": 0}})")
        << "heatmap.bins: must be at least 1";
    QTest::newRow("heatmap range of one number")
        << QByteArray(R"({"format": "lngeom-session", "version": 1, "heatmap": {"range": [1]}})")
        << "heatmap.range: must be an array of 2 numbers";
    QTest::newRow("histogram range upside down")
        << QByteArray(
               R"({"format": "lngeom-session", "version": 1, "histogram": {"range": [5, 2]}})")
        << "histogram.range: must be [low, high] with low < high";
    QTest::newRow("curves not an object")
        << QByteArray(R"({"format": "lngeom-session", "version": 1, "curves": 3})")
        << "curves: must be an object";
    QTest::newRow("teaching vector in R2")
        << QByteArray(R"({"format": "lngeom-session", "version": 1,
                          "step_through": {"teaching_vector": [1, 2]}})")
        << "step_through.teaching_vector: must be an array of 3 numbers";
    QTest::newRow("negative token") << QByteArray(R"({"format": "lngeom-session", "version": 1,
                          "step_through": {"tokens": [2, -5]}})")
                                    << "step_through.tokens[1]: must be a token index";
    QTest::newRow("comparison past the files")
        << QByteArray(R"({"format": "lngeom-session", "version": 1,
                          "files": [{"path": "/a.h5"}], "comparison": 1})")
        << "comparison: must be -1 or the index of one of the 1 entries of \"files\"";
    QTest::newRow("selection of text") << QByteArray(R"({"format": "lngeom-session", "version": 1,
                          "files": [{"path": "/a.h5", "selection": [1, "x"]}]})")
                                       << "files[0].selection[1]: must be a token index";
    QTest::newRow("unknown placement")
        << QByteArray(R"({"format": "lngeom-session", "version": 1,
                          "projection": {"placement": "far"}})")
        << "projection.placement: 'far' is not one of linear, true_radius";
    QTest::newRow("unknown I/O curve colouring")
        << QByteArray(R"({"format": "lngeom-session", "version": 1,
                          "io_curve": {"colour": "rainbow"}})")
        << "io_curve.colour: 'rainbow' is not one of density, channel, token";
    QTest::newRow("I/O curve colouring as a number")
        << QByteArray(R"({"format": "lngeom-session", "version": 1, "io_curve": {"colour": 2}})")
        << "io_curve.colour: must be a string";
    QTest::newRow("file without path")
        << QByteArray(R"({"format": "lngeom-session", "version": 1, "files": [{"site": 1}]})")
        << "files[0].path: missing";
}

void TestMainWindowSession::badSessionIsRefusedByNameAndReason() {
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    QTemporaryDir directory;
    const QString path = directory.filePath("bad-session.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    try {
        app::readSessionFile(path);
        QFAIL("the session was accepted");
    } catch (const app::SessionError& error) {
        const QString message = error.what();
        QVERIFY2(message.startsWith(path + ": "), qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
    }
}

void TestMainWindowSession::commandLineRefusesABadSession() {
    QProcess lngeom;
    lngeom.start(LNGEOM_EXECUTABLE, {"--session", "/nonexistent/session.json"});
    QVERIFY(lngeom.waitForFinished(60000));
    QCOMPARE(lngeom.exitCode(), 2);
    const QByteArray error = lngeom.readAllStandardError();
    QVERIFY2(error.contains("lngeom: /nonexistent/session.json: cannot be read"),
             error.constData());
}

void TestMainWindowSession::commandLineRestoresASession() {
    QTemporaryDir directory;
    const QString session = directory.filePath("session.json");
    const QString screenshot = directory.filePath("window.png");
    app::Session saved;
    saved.files.push_back({app::sampleDumpPaths().back(), QString(), 3, {1, 2}});
    saved.current = 0;
    saved.theme = "dark";
    app::writeSessionFile(saved, session);
    QProcess lngeom;
    // The session's theme is remembered: keep it out of the user's settings.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("XDG_CONFIG_HOME", directory.filePath("config"));
    lngeom.setProcessEnvironment(environment);
    lngeom.start(LNGEOM_EXECUTABLE, {"--session", session, "--screenshot", screenshot});
    QVERIFY(lngeom.waitForFinished(60000));
    QVERIFY2(lngeom.exitCode() == 0, lngeom.readAllStandardError().constData());
    const QImage image(screenshot);
    QVERIFY(!image.isNull());
    QVERIFY(image.pixelColor(image.width() / 2, 5).lightness() < 100);
}

void TestMainWindowSession::themesSwitchAndToggle() {
    WindowUnderTest test;
    app::applyTheme(app::Theme::Dark);
    QVERIFY(lightness(*test.window) < 100);
    app::applyTheme(app::Theme::Light);
    QVERIFY(lightness(*test.window) > 200);
    QAction* toggle = test.window->findChild<QAction*>("theme-toggle");
    QVERIFY(toggle);
    toggle->trigger();
    QCOMPARE(app::currentTheme(), app::Theme::Dark);
    QVERIFY(lightness(*test.window) < 100);
    toggle->trigger();
    QCOMPARE(app::currentTheme(), app::Theme::Light);
    test.window->findChild<QAction*>("theme-system")->trigger();
    QCOMPARE(app::currentTheme(), app::Theme::System);
    for (const app::Theme theme : {app::Theme::System, app::Theme::Light, app::Theme::Dark})
        QCOMPARE(app::themeFromKey(app::themeKey(theme)), theme);
    QVERIFY(!app::themeFromKey("sepia"));
}

LNGEOM_WIDGETS_TEST_MAIN(TestMainWindowSession)
#include "test_main_window_session.moc"
