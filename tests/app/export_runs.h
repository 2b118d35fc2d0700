#pragma once
// Runs the lngeom binary as a batch user would: no display (DISPLAY, WAYLAND_DISPLAY and
// QT_QPA_PLATFORM removed), a private metrics cache, and the output of the run kept.

#include <QProcess>
#include <QStringList>

#include "tests/app/hung_process.h"

namespace lngeom::test {

struct CommandRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline QString sampleDump(const char* name) {
    return QStringLiteral(LNGEOM_SOURCE_DIR "/data/") + QLatin1String(name);
}

// `path` replaces PATH when not empty (to hide Xvfb).
inline CommandRun runLngeom(const QStringList& arguments, const QString& cacheDirectory,
                            const QString& path = QString()) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(name);
    environment.insert("LNGEOM_CACHE_DIR", cacheDirectory);
    if (!path.isEmpty()) environment.insert("PATH", path);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(LNGEOM_BIN, arguments);
    const QByteArray hung = waitOrKillWithStacks(process);
    return {
        process.exitStatus() == QProcess::NormalExit && hung.isEmpty() ? process.exitCode() : -1,
        process.readAllStandardOutput(), process.readAllStandardError() + hung};
}

// "exit 2, stderr: ..." for a failed check's message.
inline QString describe(const CommandRun& run) {
    return QString("exit %1, stderr: %2").arg(run.exitCode).arg(QString::fromUtf8(run.err));
}

// Runs an external tool (pdftoppm, pdftotext); exit code -1 when it did not run.
inline CommandRun runTool(const QString& program, const QStringList& arguments) {
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(60000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

}  // namespace lngeom::test
