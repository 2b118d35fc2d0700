// Files are validated in lngeom-probe, a process of its own, before lngeom reads them
// (core/isolation/contained_open.h). Every file libhdf5 1.10.8 crashes, corrupts memory or
// hangs on (tests/fuzz/known-hdf5-crashers) is refused within the time limit with a message
// naming the file, the object and what libhdf5 was doing; a file the probe refuses gives the
// error Dump::open gives; sound files pass; a hang is cut at the limit or on cancel.
#include <QDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>

#include "core/io/dump.h"
#include "core/isolation/contained_open.h"
#include "tests/core/test_error_checks.h"
#include "tests/fuzz/known_hdf5_crashers.h"

using namespace lngeom;
using namespace std::chrono_literals;
using test::catch_error;

namespace {

std::string crasher(const QString& name) {
    return std::string(LNGEOM_SOURCE_DIR "/tests/fuzz/known-hdf5-crashers/") + name.toStdString();
}

// Every regular HDF5 file of the hostile corpus and of the reader's fixtures.
QStringList corpus_files() {
    QStringList files;
    for (const char* directory : {"/bad-corpus", "/io-fixtures"}) {
        const QDir dir(QString(LNGEOM_TEST_OUTPUT_DIR) + directory);
        for (const QString& name : dir.entryList({"*.h5"}, QDir::Files, QDir::Name))
            files << dir.filePath(name);
    }
    return files;
}

ContainmentOptions limited(std::chrono::milliseconds timeout,
                           const std::atomic<bool>* cancel = nullptr) {
    ContainmentOptions options;
    options.timeout = timeout;
    options.cancel = cancel;
    return options;
}

}  // namespace

class TestContainedOpen : public QObject {
    Q_OBJECT

  private slots:
    void known_crashers_are_refused_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("reason");
        for (const test::KnownCrasher& crasher : test::kKnownCrashers)
            QTest::newRow(crasher.file) << QString(crasher.file) << QString(crasher.kind)
                                        << QString(crasher.object) << QString(crasher.reason);
    }

    void known_crashers_are_refused() {
        QFETCH(QString, file);
        QFETCH(QString, kind);
        QFETCH(QString, object);
        QFETCH(QString, reason);
        const std::string path = crasher(file);
        const auto start = std::chrono::steady_clock::now();
        const test::Caught caught = catch_error([&] {
            validate_in_child(path, "",
                              limited(std::chrono::seconds(test::kCrasherTimeoutSeconds)));
        });
        QVERIFY(std::chrono::steady_clock::now() - start < 20s);
        test::check_caught(caught, kind, path, object, reason);
    }

    // Whatever the probe refuses, it refuses as Dump::open would; what it passes opens.
    void probe_agrees_with_dump_open() {
        for (const QString& file : corpus_files()) {
            const std::string path = file.toStdString();
            const test::Caught opened = catch_error([&] { Dump::open(path); });
            const test::Caught probed = catch_error([&] { validate_in_child(path, ""); });
            if (probed.kind == "none") {
                QVERIFY2(opened.kind == "none", opened.message.c_str());
                continue;
            }
            if (opened.kind == "none") continue;  // refused for what a read of it found
            QVERIFY2(probed.kind == opened.kind, probed.message.c_str());
            QCOMPARE(probed.message, opened.message);
        }
    }

    void sound_files_pass() {
        for (const char* sample : {"sample-layernorm.h5", "sample-rmsnorm.h5"}) {
            const std::string path = std::string(LNGEOM_SOURCE_DIR "/data/") + sample;
            const Dump dump = open_dump_contained(path, "");
            QVERIFY(!dump.info().sites.empty());
        }
    }

    void a_hang_is_cut_at_the_limit() {
        const std::string path = crasher("h5c_protect-hang-metadata-cache.h5");
        const test::Caught caught =
            catch_error([&] { validate_in_child(path, "", limited(1500ms)); });
        test::check_caught(caught, "crash", path, "/", "within 1.5 s: the file is damaged, or");
    }

    void cancel_stops_the_probe() {
        std::atomic<bool> cancel{false};
        std::thread canceller([&cancel] {
            std::this_thread::sleep_for(300ms);
            cancel = true;
        });
        const std::string path = crasher("h5c_protect-hang-metadata-cache.h5");
        const test::Caught caught =
            catch_error([&] { validate_in_child(path, "", limited(60s, &cancel)); });
        canceller.join();
        test::check_caught(caught, "cancelled", path, "", "cancelled while validating the file");
    }

    void a_missing_probe_is_named() {
        const std::string path = LNGEOM_SOURCE_DIR "/data/sample-layernorm.h5";
        ContainmentOptions missing;
        missing.probe = "/nonexistent/lngeom-probe";
        const test::Caught caught = catch_error([&] { validate_in_child(path, "", missing); });
        test::check_caught(caught, "other", path, "",
                           "cannot validate the file: lngeom-probe (/nonexistent/lngeom-probe) "
                           "does not start: No such file or directory");
    }
};

QTEST_GUILESS_MAIN(TestContainedOpen)
#include "test_contained_open.moc"
