// PrivateDisplay with DISPLAY unset: an Xvfb that accepts connections while the job runs and is
// gone afterwards; an existing display is used as it is; a missing Xvfb, and an Xvfb that fails
// or reports a display nobody can connect to (tried twice), are one clear line.
#include <signal.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstdlib>

#include "app/cli/private_display.h"
#include "widgets/vtk_hosting/display_availability.h"

using lngeom::app::DisplayError;
using lngeom::app::PrivateDisplay;

class TestExportPrivateDisplay : public QObject {
    Q_OBJECT

  private slots:
    void init() {
        savedDisplay_ = qgetenv("DISPLAY");
        savedPath_ = qgetenv("PATH");
        qunsetenv("DISPLAY");
    }

    void cleanup() {
        qputenv("PATH", savedPath_);
        if (savedDisplay_.isEmpty())
            qunsetenv("DISPLAY");
        else
            qputenv("DISPLAY", savedDisplay_);
    }

    void startsXvfbAndStopsIt() {
        auto display = PrivateDisplay::startIfNeeded();
        QVERIFY(display);
        QCOMPARE(qgetenv("DISPLAY").toStdString(), display->name());
        QVERIFY(!lngeom::widgets::displayUnavailableReason());
        const pid_t pid = display->pid();
        display.reset();
        QCOMPARE(::kill(pid, 0), -1);
        QCOMPARE(errno, ESRCH);
        QVERIFY(qgetenv("DISPLAY").isEmpty());
    }

    void usesTheDisplayThereIs() {
        const auto display = PrivateDisplay::startIfNeeded();
        QVERIFY(display);
        QVERIFY(!PrivateDisplay::startIfNeeded());
    }

    void missingXvfbIsOneLine() {
        qputenv("PATH", "/nonexistent");
        try {
            PrivateDisplay::startIfNeeded();
            QFAIL("no error without Xvfb");
        } catch (const DisplayError& error) {
            QCOMPARE(QString(error.what()),
                     "no display (DISPLAY is not set) and Xvfb is not installed: install the "
                     "'xvfb' package (tools/install-deps.sh) or set DISPLAY to an X server");
        }
    }

    void failingXvfbIsOneLine_data() {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<QString>("reason");
        QTest::newRow("exits") << QByteArray("#!/bin/sh\nexit 3\n") << "exited with status 3";
        // Reports a display number nothing listens on, as a server dying at start-up would.
        QTest::newRow("no server behind the number")
            << QByteArray(
                   "#!/usr/bin/python3\nimport os, sys, time\n"
                   "os.write(int(sys.argv[2]), b'9731\\n')\ntime.sleep(30)\n")
            << "reported display :9731 but does not accept connections";
    }

    void failingXvfbIsOneLine() {
        QFETCH(QByteArray, script);
        QFETCH(QString, reason);
        QTemporaryDir directory;
        QFile fake(directory.filePath("Xvfb"));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write(script);
        fake.close();
        fake.setPermissions(QFile::ReadOwner | QFile::ExeOwner);
        qputenv("PATH", directory.path().toUtf8());
        try {
            PrivateDisplay::startIfNeeded();
            QFAIL("no error from a failing Xvfb");
        } catch (const DisplayError& error) {
            QCOMPARE(QString(error.what()), "no display (DISPLAY is not set) and " +
                                                fake.fileName() +
                                                " did not start twice: " + reason);
        }
    }

  private:
    QByteArray savedDisplay_;
    QByteArray savedPath_;
};

QTEST_GUILESS_MAIN(TestExportPrivateDisplay)
#include "test_export_private_display.moc"
