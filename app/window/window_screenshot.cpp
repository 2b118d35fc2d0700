#include "app/window/window_screenshot.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QTimer>

#include <cstdio>

#include "app/window/main_window.h"

namespace lngeom::app {
namespace {

constexpr int kTimeoutMs = 20000;
constexpr int kPollMs = 50;
// A view's first render reaches the window with the paint after it.
constexpr int kFinalPaintMs = 200;

void grabAndQuit(MainWindow& window, const QString& path) {
    const bool saved = window.grab().toImage().save(path, "PNG");
    if (!saved) std::fprintf(stderr, "lngeom: could not write %s\n", qPrintable(path));
    QApplication::exit(saved ? 0 : 1);
}

}  // namespace

void saveScreenshotWhenDrawn(MainWindow& window, const QString& path) {
    auto* poll = new QTimer(&window);
    QElapsedTimer clock;
    clock.start();
    QObject::connect(poll, &QTimer::timeout, &window, [&window, path, poll, clock] {
        const bool drawn = window.isSettled();
        if (!drawn && clock.elapsed() < kTimeoutMs) return;
        poll->stop();
        if (drawn) {
            QTimer::singleShot(kFinalPaintMs, &window,
                               [&window, path] { grabAndQuit(window, path); });
            return;
        }
        std::fputs(
            "lngeom: the files did not finish loading or the views did not render; no screenshot "
            "written.\n",
            stderr);
        QApplication::exit(1);
    });
    poll->start(kPollMs);
}

}  // namespace lngeom::app
