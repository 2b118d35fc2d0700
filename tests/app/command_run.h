#pragma once
// Runs a program as the command-line tests do, and keeps what it wrote: one way for every test,
// so that a crash or a hang is reported the same way everywhere (exit code -1, and for a hang
// the stacks of the process and of those it started, from hung_process.h).

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include "tests/app/hung_process.h"

namespace lngeom::test {

struct CommandRun {
    int exitCode = -1;  // -1 when the program crashed or hung
    QByteArray out;
    QByteArray err;
};

// This process's environment with no display in it (DISPLAY, WAYLAND_DISPLAY and
// QT_QPA_PLATFORM removed), as a batch job on a cluster node has it.
inline QProcessEnvironment environmentWithoutDisplay() {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(name);
    return environment;
}

// Runs `program` to its end in `environment`; one still running after kHungAfterMs is killed,
// and its stacks end `err`.
inline CommandRun runCommand(const QString& program, const QStringList& arguments,
                             const QProcessEnvironment& environment = environmentWithoutDisplay()) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    const QByteArray hung = waitOrKillWithStacks(process);
    return {
        process.exitStatus() == QProcess::NormalExit && hung.isEmpty() ? process.exitCode() : -1,
        process.readAllStandardOutput(), process.readAllStandardError() + hung};
}

}  // namespace lngeom::test
