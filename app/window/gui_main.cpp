#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSize>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string_view>
#include <vector>

#include "app/cli/commands.h"
#include "app/files/document_list.h"
#include "app/files/sample_files.h"
#include "app/messages/message_log.h"
#include "app/messages/vtk_message_forwarding.h"
#include "app/session/session.h"
#include "app/session/session_state.h"
#include "app/settings/memory_budget.h"
#include "app/window/main_window.h"
#include "app/window/theme.h"
#include "app/window/window_layout.h"
#include "app/window/window_screenshot.h"
#include "core/isolation/contained_open.h"
#include "widgets/vtk_hosting/display_availability.h"
#include "widgets/vtk_hosting/opengl_setup.h"

namespace lngeom::app {
namespace {

struct GuiOptions {
    QStringList files;
    QString sessionPath;
    std::optional<Theme> theme;
    QString screenshotPath;
    std::optional<QSize> windowSize;  // none: the size the user left, or the first start's
    std::optional<std::chrono::milliseconds> validationTimeout;
    std::chrono::milliseconds screenshotTimeout = kDefaultScreenshotTimeout;
    std::optional<long> memoryBudgetMb;  // none: the remembered one
};

std::optional<QSize> parseWindowSize(const QString& text) {
    const QStringList parts = text.split('x');
    if (parts.size() != 2) return std::nullopt;
    const QSize size(parts[0].toInt(), parts[1].toInt());
    if (size.width() <= 0 || size.height() <= 0) return std::nullopt;
    return size;
}

// Qt takes -session / --session for X session management and removes it from argv, so the
// arguments are read before the QApplication exists and Qt never sees that option.
QStringList argumentList(int argc, char* argv[]) {
    QStringList arguments;
    for (int index = 0; index < argc; ++index) arguments << QString::fromLocal8Bit(argv[index]);
    return arguments;
}

std::vector<char*> withoutSessionOption(int argc, char* argv[]) {
    std::vector<char*> kept;
    for (int index = 0; index < argc; ++index) {
        const std::string_view argument = argv[index];
        if (argument == "--session" || argument == "-session") {
            ++index;
            continue;
        }
        if (!argument.starts_with("--session=")) kept.push_back(argv[index]);
    }
    kept.push_back(nullptr);
    return kept;
}

std::optional<GuiOptions> parseOptions(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "lngeom - the geometry of layer normalization in real model activations.");
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        "screenshot", "Open the window, wait for its first frames, save it as a PNG and quit.",
        "PATH");
    const QCommandLineOption windowSize(
        "window-size",
        "Window size (default: the size it was left at; at first start most of the screen).",
        "WIDTHxHEIGHT");
    const QCommandLineOption session(
        "session", "Restore a session saved with File > Save Session (files, views, layout).",
        "JSON");
    const QCommandLineOption theme("theme", "Colour theme: system, light or dark (remembered).",
                                   "THEME");
    const QCommandLineOption validationTimeout(
        "validation-timeout",
        "Seconds libhdf5 may take to validate each file before it is refused (default 30).",
        "SECONDS");
    const QCommandLineOption screenshotTimeout(
        "screenshot-timeout",
        "Seconds --screenshot waits for every file and view to finish loading (default 300); "
        "then it fails naming what was still loading.",
        "SECONDS");
    const QCommandLineOption memoryBudget(
        "memory-budget",
        "Memory each file may use for its statistics pass, sorting the token table and the 3D "
        "view's points (default 2048, or what File > Settings remembered; remembered).",
        "MB");
    parser.addOption(screenshot);
    parser.addOption(screenshotTimeout);
    parser.addOption(memoryBudget);
    parser.addOption(windowSize);
    parser.addOption(session);
    parser.addOption(theme);
    parser.addOption(validationTimeout);
    parser.addPositionalArgument(
        "FILE", "Activation dumps to open (none: the two bundled samples).", "[FILE...]");
    parser.process(arguments);
    GuiOptions options;
    options.files = parser.positionalArguments();
    options.sessionPath = parser.value(session);
    options.screenshotPath = parser.value(screenshot);
    if (parser.isSet(theme)) {
        options.theme = themeFromKey(parser.value(theme));
        if (!options.theme) {
            std::fputs("lngeom: --theme needs system, light or dark\n", stderr);
            return std::nullopt;
        }
    }
    if (parser.isSet(screenshotTimeout)) {
        bool valid = false;
        const int seconds = parser.value(screenshotTimeout).toInt(&valid);
        if (!valid || seconds < 1 || seconds > 86400) {
            std::fputs("lngeom: --screenshot-timeout needs whole seconds from 1 to 86400\n",
                       stderr);
            return std::nullopt;
        }
        options.screenshotTimeout = std::chrono::seconds(seconds);
    }
    if (parser.isSet(memoryBudget)) {
        QString error;
        options.memoryBudgetMb = parseMemoryBudgetMb(parser.value(memoryBudget), &error);
        if (!options.memoryBudgetMb) {
            std::fprintf(stderr, "lngeom: %s\n", qPrintable(error));
            return std::nullopt;
        }
    }
    if (parser.isSet(validationTimeout)) {
        bool valid = false;
        const int seconds = parser.value(validationTimeout).toInt(&valid);
        if (!valid || seconds < 1 || seconds > 3600) {
            std::fputs("lngeom: --validation-timeout needs whole seconds from 1 to 3600\n", stderr);
            return std::nullopt;
        }
        options.validationTimeout = std::chrono::seconds(seconds);
    }
    if (!parser.isSet(windowSize)) return options;
    const std::optional<QSize> size = parseWindowSize(parser.value(windowSize));
    if (!size) {
        std::fputs("lngeom: --window-size needs WIDTHxHEIGHT, e.g. 1400x820\n", stderr);
        return std::nullopt;
    }
    options.windowSize = *size;
    return options;
}

// The session's files, or the files named, or the samples.
bool openStartFiles(const GuiOptions& options, MainWindow& window) {
    if (!options.sessionPath.isEmpty()) {
        try {
            restoreSession(window, readSessionFile(options.sessionPath));
        } catch (const SessionError& error) {
            std::fprintf(stderr, "lngeom: %s\n", error.what());
            return false;
        }
    }
    if (!options.sessionPath.isEmpty() && options.files.isEmpty()) return true;
    for (const QString& path : options.files.isEmpty() ? sampleDumpPaths() : options.files)
        window.documents()->open(path);
    return true;
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
    const QStringList arguments = argumentList(argc, argv);
    std::vector<char*> qtArguments = withoutSessionOption(argc, argv);
    int qtArgumentCount = int(qtArguments.size()) - 1;
    QApplication application(qtArgumentCount, qtArguments.data());
    QApplication::setOrganizationName("lngeom");
    QApplication::setApplicationName("lngeom");
    QApplication::setApplicationVersion(LNGEOM_VERSION);
    QApplication::setWindowIcon(QIcon(":/icons/lngeom.png"));
    QGuiApplication::setDesktopFileName("lngeom");
    const std::optional<GuiOptions> options = parseOptions(arguments);
    if (!options) return 2;
    if (options->validationTimeout) set_default_validation_timeout(*options->validationTimeout);
    if (options->theme)
        applyTheme(*options->theme);
    else
        applySavedTheme();
    MessageLog log;
    log.captureQtMessages();
    forwardVtkMessagesTo(&log);
    if (options->memoryBudgetMb) saveMemoryBudgetMb(*options->memoryBudgetMb);
    StoreOptions storeOptions;
    storeOptions.pass.memory_budget_bytes = memoryBudgetBytes(savedMemoryBudgetMb());
    DocumentList documents(storeOptions, &log);
    MainWindow window(&documents, &log);
    if (options->windowSize) window.layout()->resize(*options->windowSize);
    if (!openStartFiles(*options, window)) return 2;
    window.show();
    if (!options->screenshotPath.isEmpty())
        saveScreenshotWhenDrawn(window, options->screenshotPath, options->screenshotTimeout);
    return application.exec();
}

}  // namespace lngeom::app
