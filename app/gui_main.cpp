#include <QApplication>
#include <QCommandLineParser>
#include <QSize>

#include <cstdio>
#include <optional>

#include "app/commands.h"
#include "app/main_window.h"
#include "app/window_screenshot.h"
#include "widgets/display_availability.h"
#include "widgets/opengl_setup.h"

namespace lngeom::app {
namespace {

struct GuiOptions {
    QString screenshotPath;
    QSize windowSize{1400, 820};
};

std::optional<QSize> parseWindowSize(const QString& text) {
    const QStringList parts = text.split('x');
    if (parts.size() != 2) return std::nullopt;
    const QSize size(parts[0].toInt(), parts[1].toInt());
    if (size.width() <= 0 || size.height() <= 0) return std::nullopt;
    return size;
}

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
    parser.addPositionalArgument("FILE", "Activation dumps to open.", "[FILE...]");
    parser.process(application);
    // Said plainly rather than silently ignored, until the window can open dumps.
    if (!parser.positionalArguments().isEmpty())
        std::fputs(
            "lngeom: the window cannot open dumps yet; showing the built-in sample. Use "
            "'lngeom stats FILE' for a dump's statistics.\n",
            stderr);
    GuiOptions options;
    options.screenshotPath = parser.value(screenshot);
    if (!parser.isSet(windowSize)) return options;
    const std::optional<QSize> size = parseWindowSize(parser.value(windowSize));
    if (!size) {
        std::fputs("lngeom: --window-size needs WIDTHxHEIGHT, e.g. 1400x820\n", stderr);
        return std::nullopt;
    }
    options.windowSize = *size;
    return options;
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
    if (!options->screenshotPath.isEmpty())
        saveScreenshotWhenDrawn(window, options->screenshotPath);
    return application.exec();
}

}  // namespace lngeom::app
