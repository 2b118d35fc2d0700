#pragma once
// What a child process that did not end in time was doing: every thread's stack, of the child
// and of the processes it started (the probe, a private Xvfb), read with gdb when it is
// installed. A hang that shows once in a hundred runs can then be diagnosed from the failure.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>

#include <signal.h>

namespace lngeom::test {

// A command-line run this long is hung (each takes seconds): its test fails with the stacks,
// well before QtTest's own limit of 300 s per test function, which would report nothing.
constexpr int kHungAfterMs = 150000;

// The processes whose parent is `parent` (from /proc/PID/stat: "PID (name) STATE PPID ...").
inline QList<qint64> childrenOf(qint64 parent) {
    QList<qint64> children;
    for (const QString& entry : QDir("/proc").entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat("/proc/" + entry + "/stat");
        if (!stat.open(QIODevice::ReadOnly)) continue;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields[1].toLongLong() == parent) children << entry.toLongLong();
    }
    return children;
}

inline QString stacksOfOne(const QString& gdb, qint64 pid) {
    QFile command("/proc/" + QString::number(pid) + "/cmdline");
    const QString name = command.open(QIODevice::ReadOnly)
                             ? QString::fromLocal8Bit(command.readAll().replace('\0', ' '))
                             : QString("?");
    QProcess debugger;
    debugger.start(gdb, {"-p", QString::number(pid), "-batch", "-ex", "thread apply all bt"});
    debugger.waitForFinished(60000);
    return QString("--- process %1: %2\n%3")
        .arg(pid)
        .arg(name)
        .arg(QString::fromLocal8Bit(debugger.readAllStandardOutput()));
}

// `pid` and every process below it, parents first.
inline QList<qint64> processTree(qint64 pid) {
    QList<qint64> tree{pid};
    for (qsizetype i = 0; i < tree.size(); ++i) tree << childrenOf(tree[i]);
    return tree;
}

// The stacks of every process of `tree`; a note instead when gdb is not installed.
inline QString stacksOf(const QList<qint64>& tree) {
    const QString gdb = QStandardPaths::findExecutable("gdb");
    if (gdb.isEmpty()) return "(gdb is not installed: no stacks)\n";
    QString stacks;
    for (qint64 pid : tree) stacks += stacksOfOne(gdb, pid);
    return stacks;
}

// Waits up to kHungAfterMs for `process`; one still running then is killed with the processes
// it started (the probe, Xvfb), and what they were doing is returned for the failure message
// (empty when it ended in time).
inline QByteArray waitOrKillWithStacks(QProcess& process) {
    if (process.waitForFinished(kHungAfterMs) || process.state() != QProcess::Running) return {};
    const QList<qint64> tree = processTree(process.processId());
    const QString stacks = stacksOf(tree);
    for (qsizetype i = tree.size() - 1; i > 0; --i) ::kill(pid_t(tree[i]), SIGKILL);
    process.kill();
    process.waitForFinished();
    return "\nhung for " + QByteArray::number(kHungAfterMs / 1000) + " s; its stacks:\n" +
           stacks.toLocal8Bit();
}

}  // namespace lngeom::test
