#pragma once
// The data rows of a command's known-crasher test (tests/fuzz/known_hdf5_crashers.h): each
// file's path and the one line the command prints about it. `lngeom stats` and `lngeom-mpi
// stats` refuse every file with the same line, after their own name.

#include <QString>
#include <QTest>

#include "tests/fuzz/known_hdf5_crashers.h"

namespace lngeom::test {

// Columns "path" and "message"; `command` as the message starts ("lngeom stats").
inline void add_known_crasher_rows(const QString& command) {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    for (const KnownCrasher& crasher : kKnownCrashers) {
        const QString path =
            QString(LNGEOM_SOURCE_DIR "/tests/fuzz/known-hdf5-crashers/") + crasher.file;
        QTest::newRow(crasher.file)
            << path << command + ": " + path + ": " + crasher.object + ": " + crasher.reason;
    }
}

}  // namespace lngeom::test
