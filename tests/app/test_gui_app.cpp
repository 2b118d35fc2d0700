// The real `lngeom` window, run as a separate process: its --screenshot output with the samples
// or the files named on the command line, and the one-line message (exit code 2) when there is
// no display.

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/app/command_run.h"
#include "tests/widgets/image_checks.h"

namespace {

const QColor kBarColour(70, 110, 190);

using lngeom::test::CommandRun;
using lngeom::test::runCommand;

// The environment with DISPLAY set to `display` (removed when empty) and no other way for Qt
// to find a display.
QProcessEnvironment withXDisplay(const QString& display) {
    QProcessEnvironment environment = lngeom::test::environmentWithoutDisplay();
    if (!display.isEmpty()) environment.insert("DISPLAY", display);
    return environment;
}

}  // namespace

class TestGuiApp : public QObject {
    Q_OBJECT
  private slots:
    void screenshotShowsTheWindow_data();
    void screenshotShowsTheWindow();
    void withoutDisplayPrintsOneLineAndExits2_data();
    void withoutDisplayPrintsOneLineAndExits2();
    void rejectsMalformedWindowSize();
    void rejectsBadMemoryBudgets_data();
    void rejectsBadMemoryBudgets();
    void rejectsBadScreenshotTimeouts();
};

void TestGuiApp::screenshotShowsTheWindow_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QStringList>("files");
    const QString data = LNGEOM_SOURCE_DIR "/data/";
    QTest::newRow("samples, default size") << QSize(1400, 820) << QStringList();
    QTest::newRow("samples, small") << QSize(1100, 700) << QStringList();
    QTest::newRow("files on the command line")
        << QSize(1400, 820)
        << QStringList{data + "sample-rmsnorm.h5", data + "sample-layernorm.h5"};
}

void TestGuiApp::screenshotShowsTheWindow() {
    QFETCH(QSize, size);
    QFETCH(QStringList, files);
    QTemporaryDir directory;
    const QString path = directory.filePath("window.png");
    const QString sizeArgument = QString("%1x%2").arg(size.width()).arg(size.height());
    const CommandRun run = runCommand(
        LNGEOM_EXECUTABLE, QStringList{"--screenshot", path, "--window-size", sizeArgument} + files,
        QProcessEnvironment::systemEnvironment());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QImage image(path);
    QCOMPARE(image.size(), size);
    // At 1100x700 the histogram dock's chart is about 360x150 of the window, its bars with
    // edges and gaps about 1% of the picture: half of that still says they were drawn.
    constexpr double kLeastBars = 0.005;
    const double bars = lngeom::test::fractionOfPixelsNear(image, kBarColour, 8);
    if (bars < kLeastBars)
        qWarning("window screenshot check failed (bars %.3f), saved to %s", bars,
                 qPrintable(lngeom::test::saveTestImage(
                     image, QString("gui-screenshot-") + QTest::currentDataTag())));
    QVERIFY(bars >= kLeastBars);
}

void TestGuiApp::withoutDisplayPrintsOneLineAndExits2_data() {
    QTest::addColumn<QString>("display");
    QTest::addColumn<QByteArray>("reason");
    QTest::newRow("DISPLAY unset") << QString() << QByteArray("(DISPLAY is not set).");
    QTest::newRow("no X server there")
        << QString(":4711") << QByteArray("(cannot connect to X display :4711).");
}

void TestGuiApp::withoutDisplayPrintsOneLineAndExits2() {
    QFETCH(QString, display);
    QFETCH(QByteArray, reason);
    const CommandRun run = runCommand(LNGEOM_EXECUTABLE, {}, withXDisplay(display));
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith("lngeom: no display found " + reason), run.err.constData());
    QVERIFY(run.err.contains("xvfb-run make run"));
    QVERIFY(run.err.contains("lngeom stats FILE"));
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY(run.err.endsWith('\n'));
}

void TestGuiApp::rejectsMalformedWindowSize() {
    const CommandRun run = runCommand(LNGEOM_EXECUTABLE, {"--window-size", "wide"},
                                      QProcessEnvironment::systemEnvironment());
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--window-size needs WIDTHxHEIGHT"));
}

void TestGuiApp::rejectsBadMemoryBudgets_data() {
    QTest::addColumn<QString>("value");
    for (const char* value : {"lots", "15", "0", "-512", "1.5", "1048577", ""})
        QTest::newRow(value[0] ? value : "empty") << QString(value);
}

// Refused before any window opens (or any budget is remembered), naming the accepted range.
void TestGuiApp::rejectsBadMemoryBudgets() {
    QFETCH(QString, value);
    const CommandRun run = runCommand(LNGEOM_EXECUTABLE, {"--memory-budget", value},
                                      QProcessEnvironment::systemEnvironment());
    QCOMPARE(run.exitCode, 2);
    const QByteArray expected =
        "lngeom: --memory-budget needs whole megabytes from 16 to 1048576, "
        "not '" +
        value.toUtf8() + "'";
    QVERIFY2(run.err.contains(expected), run.err.constData());
}

void TestGuiApp::rejectsBadScreenshotTimeouts() {
    for (const char* value : {"0", "soon", "86401"}) {
        const CommandRun run = runCommand(
            LNGEOM_EXECUTABLE, {"--screenshot", "never.png", "--screenshot-timeout", value},
            QProcessEnvironment::systemEnvironment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(
            run.err.contains("lngeom: --screenshot-timeout needs whole seconds from 1 to 86400"),
            run.err.constData());
    }
}

QTEST_GUILESS_MAIN(TestGuiApp)
#include "test_gui_app.moc"
