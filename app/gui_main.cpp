#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QImage>
#include <QTimer>

#include <cstdio>
#include <optional>

#include "app/commands.h"
#include "app/main_window.h"
#include "widgets/display_availability.h"
#include "widgets/opengl_setup.h"

namespace lngeom::app {
namespace {

constexpr int kScreenshotTimeoutMs = 20000;
constexpr int kScreenshotPollMs = 50;

struct GuiOptions {
    QString screenshotPath;
    QSize windowSize{1400, 820};
};

std::optional<GuiOptions> parseOptions(const QApplication& application) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "lngeom - the geometry of layer normalization in real model activations.");
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        "screenshot", "Open the window, wait for its first frames, save it as a PNG and quit.",
        "PATH");
    const QCommandLineOption windowSize("window-size", "Initial window size (default 1400x820).",
                                        "WIDTHxHEIGHT");
    parser.addOption(screenshot);
    parser.addOption(windowSize);
    parser.process(application);
    GuiOptions options;
    options.screenshotPath = parser.value(screenshot);
    if (parser.isSet(windowSize)) {
        const QStringList parts = parser.value(windowSize).split('x');
        const int width = parts.value(0).toInt();
        const int height = parts.size() == 2 ? parts[1].toInt() : 0;
        if (width <= 0 || height <= 0) {
            std::fputs("lngeom: --window-size needs WIDTHxHEIGHT, e.g. 1400x820\n", stderr);
            return std::nullopt;
        }
        options.windowSize = QSize(width, height);
    }
    return options;
}

// Polls until both views have drawn, then lets one more paint reach the screen and grabs.
void scheduleScreenshot(MainWindow& window, const QString& path) {
    auto* poll = new QTimer(&window);
    QElapsedTimer clock;
    clock.start();
    QObject::connect(poll, &QTimer::timeout, &window, [&window, path, poll, clock] {
        const bool rendered = window.viewsHaveRendered();
        if (!rendered && clock.elapsed() < kScreenshotTimeoutMs) return;
        poll->stop();
        if (!rendered) {
            std::fputs("lngeom: the views did not render; no screenshot written.\n", stderr);
            QApplication::exit(1);
            return;
        }
        QTimer::singleShot(200, &window, [&window, path] {
            const bool saved = window.grab().toImage().save(path, "PNG");
            if (!saved) std::fprintf(stderr, "lngeom: could not write %s\n", qPrintable(path));
            QApplication::exit(saved ? 0 : 1);
        });
    });
    poll->start(kScreenshotPollMs);
}

}  // namespace

int run_gui(int argc, char* argv[]) {
    if (const auto reason = widgets::displayUnavailableReason()) {
        std::fprintf(stderr,
                     "lngeom: no display found (%s). Run 'xvfb-run make run', or use the "
                     "command line: 'lngeom stats FILE'.\n",
                     reason->c_str());
        return 2;
    }
    widgets::configureOpenGLForVtk();
    QApplication application(argc, argv);
    QApplication::setApplicationName("lngeom");
    QApplication::setApplicationVersion(LNGEOM_VERSION);
    const std::optional<GuiOptions> options = parseOptions(application);
    if (!options) return 2;
    MainWindow window;
    window.resize(options->windowSize);
    window.show();
    if (!options->screenshotPath.isEmpty()) scheduleScreenshot(window, options->screenshotPath);
    return application.exec();
}

}  // namespace lngeom::app
