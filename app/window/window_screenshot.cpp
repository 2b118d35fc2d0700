#include "app/window/window_screenshot.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QStringList>
#include <QTimer>

#include <cstdio>
#include <memory>

#include "app/window/main_window.h"

namespace lngeom::app {
namespace {

constexpr int kPollMs = 50;
// A result applied on the GUI thread may start another job: the window counts as done only
// when nothing was loading at this many polls in a row.
constexpr int kQuietPolls = 2;
// A view's last render reaches the window with the paint after it.
constexpr int kFinalPaintMs = 200;

void grabAndQuit(MainWindow& window, const QString& path) {
    const bool saved = window.grab().toImage().save(path, "PNG");
    if (!saved) std::fprintf(stderr, "lngeom: could not write %s\n", qPrintable(path));
    QApplication::exit(saved ? 0 : 1);
}

}  // namespace

QString screenshotTimeoutMessage(const QStringList& waiting, std::chrono::milliseconds timeout) {
    return QStringLiteral(
               "no screenshot written: after %1 s (--screenshot-timeout) these were still "
               "loading: %2.")
        .arg(double(timeout.count()) / 1000.0)
        .arg(waiting.isEmpty() ? QStringLiteral("the views' last results") : waiting.join("; "));
}

void saveScreenshotWhenDrawn(MainWindow& window, const QString& path,
                             std::chrono::milliseconds timeout) {
    auto* poll = new QTimer(&window);
    QElapsedTimer clock;
    clock.start();
    auto quietPolls = std::make_shared<int>(0);
    QObject::connect(poll, &QTimer::timeout, &window,
                     [&window, path, poll, clock, quietPolls, timeout] {
                         const QStringList waiting = window.stillLoading();
                         *quietPolls = waiting.isEmpty() ? *quietPolls + 1 : 0;
                         if (*quietPolls >= kQuietPolls) {
                             poll->stop();
                             QTimer::singleShot(kFinalPaintMs, &window,
                                                [&window, path] { grabAndQuit(window, path); });
                         } else if (clock.elapsed() >= timeout.count()) {
                             poll->stop();
                             std::fprintf(stderr, "lngeom: %s\n",
                                          qPrintable(screenshotTimeoutMessage(waiting, timeout)));
                             QApplication::exit(1);
                         }
                     });
    poll->start(kPollMs);
}

}  // namespace lngeom::app
