#pragma once
// Runs the lngeom binary as a batch user would: no display (DISPLAY, WAYLAND_DISPLAY and
// QT_QPA_PLATFORM removed), a private metrics cache, and the output of the run kept.

#include <QStringList>

#include "tests/app/command_run.h"

namespace lngeom::test {

inline QString sampleDump(const char* name) {
    return QStringLiteral(LNGEOM_SOURCE_DIR "/data/") + QLatin1String(name);
}

// `path` replaces PATH when not empty (to hide Xvfb).
inline CommandRun runLngeom(const QStringList& arguments, const QString& cacheDirectory,
                            const QString& path = QString()) {
    QProcessEnvironment environment = environmentWithoutDisplay();
    environment.insert("LNGEOM_CACHE_DIR", cacheDirectory);
    if (!path.isEmpty()) environment.insert("PATH", path);
    return runCommand(LNGEOM_BIN, arguments, environment);
}

// "exit 2, stderr: ..." for a failed check's message.
inline QString describe(const CommandRun& run) {
    return QString("exit %1, stderr: %2").arg(run.exitCode).arg(QString::fromUtf8(run.err));
}

// Runs an external tool (pdftoppm, pdftotext); exit code -1 when it did not run.
inline CommandRun runTool(const QString& program, const QStringList& arguments) {
    return runCommand(program, arguments, QProcessEnvironment::systemEnvironment());
}

}  // namespace lngeom::test
