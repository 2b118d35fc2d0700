// `lngeom --screenshot`: the window is grabbed only once no view's background job runs (a job
// held open here stands for the 3D view reading its vectors under load), and when the bound
// passes first the error names what was still loading.

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <thread>

#include "app/files/sample_files.h"
#include "app/window/window_screenshot.h"
#include "tests/app/main_window_fixture.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/document/busy_jobs.h"
#include "widgets/document/latest_job_worker.h"

using namespace lngeom;
using namespace std::chrono_literals;

namespace {

// A view's job that runs until released, as the 3D view's long read does under load.
struct HeldJob {
    std::atomic<bool> released{false};
    widgets::LatestJobWorker worker;

    HeldJob() {
        worker.submit([this, mark = widgets::markBusy("the held test view")](
                          const std::atomic<bool>& cancel) {
            while (!released && !cancel) std::this_thread::sleep_for(5ms);
        });
    }
    ~HeldJob() { released = true; }
};

QString outputPath(const char* name) { return QString(LNGEOM_TEST_OUTPUT_DIR "/") + name; }

}  // namespace

class TestWindowScreenshot : public QObject {
    Q_OBJECT
  private slots:
    void namesWhatIsStillLoadingWhenTheBoundPasses();
    void waitsForTheRunningJobThenSaves();
    void timeoutMessageNamesEveryWaitingPart();
};

void TestWindowScreenshot::namesWhatIsStillLoadingWhenTheBoundPasses() {
    test::WindowUnderTest ui(app::sampleDumpPaths());
    QVERIFY(ui.waitSettled());
    HeldJob held;
    QTRY_VERIFY(ui.window->stillLoading().contains("the held test view"));
    const QString path = outputPath("screenshot-timed-out.png");
    QFile::remove(path);
    app::saveScreenshotWhenDrawn(*ui.window, path, 500ms);
    QCOMPARE(QApplication::exec(), 1);
    QVERIFY(!QFile::exists(path));
}

void TestWindowScreenshot::waitsForTheRunningJobThenSaves() {
    test::WindowUnderTest ui(app::sampleDumpPaths());
    HeldJob held;
    const QString path = outputPath("screenshot-after-job.png");
    QFile::remove(path);
    app::saveScreenshotWhenDrawn(*ui.window, path, 60s);
    bool savedWhileHeld = false;
    QTimer::singleShot(1500, [&] {
        savedWhileHeld = QFile::exists(path);
        held.released = true;
    });
    QCOMPARE(QApplication::exec(), 0);
    QVERIFY(!savedWhileHeld);
    QVERIFY(ui.window->stillLoading().isEmpty());
    const QImage image(path);
    QCOMPARE(image.size(), ui.window->grab().size());
}

void TestWindowScreenshot::timeoutMessageNamesEveryWaitingPart() {
    QCOMPARE(
        app::screenshotTimeoutMessage({"big.h5 (its statistics pass)", "the 3D projection"}, 20s),
        QString("no screenshot written: after 20 s (--screenshot-timeout) these were still "
                "loading: big.h5 (its statistics pass); the 3D projection."));
    QCOMPARE(app::screenshotTimeoutMessage({}, 1500ms),
             QString("no screenshot written: after 1.5 s (--screenshot-timeout) these were still "
                     "loading: the views' last results."));
}

LNGEOM_WIDGETS_TEST_MAIN(TestWindowScreenshot)
#include "test_window_screenshot.moc"
