// Replays the fuzzing pipeline over the hostile-input corpus, the reader's fixtures and every
// input the fuzzer found (tests/fuzz/regressions): each runs to the end, and every refusal is
// a lngeom::Error whose message starts with the file's path. Inputs libhdf5 itself crashes on
// (known-hdf5-crashers/) cannot run in-process: test_contained_open checks that lngeom-probe
// refuses each of them.
#include <QDir>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <span>

#include "core/io/memory_file.h"
#include "tests/fuzz/dump_pipeline.h"
#include "tests/fuzz/global_heap_walk.h"
#include "tests/fuzz/guarded_memory_driver.h"

namespace {

QByteArray file_bytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Whether libhdf5's walk ends in every global heap collection the file could hold: those at
// every "GCOL" in it.
bool every_global_heap_walk_ends(const QByteArray& bytes) {
    const std::span<const std::uint8_t> file(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                             size_t(bytes.size()));
    for (qsizetype at = bytes.indexOf("GCOL"); at >= 0; at = bytes.indexOf("GCOL", at + 1))
        if (!lngeom::fuzz::global_heap_walk_ends(file, std::uint64_t(at))) return false;
    return true;
}

}  // namespace

class TestFuzzRegressions : public QObject {
    Q_OBJECT

  private slots:
    // As the fuzzer reads memory files.
    void initTestCase() { lngeom::fuzz::use_guarded_memory_driver(); }

    void pipeline_refuses_cleanly_data() {
        QTest::addColumn<QString>("path");
        const QString output = LNGEOM_TEST_OUTPUT_DIR;
        const QString sources = QString(LNGEOM_SOURCE_DIR) + "/tests/fuzz/regressions";
        for (const QString& directory :
             {output + "/bad-corpus", output + "/io-fixtures", sources}) {
            const QDir dir(directory);
            for (const QString& name : dir.entryList(QDir::Files, QDir::Name))
                if (!name.endsWith(".f64") && !name.endsWith(".counts"))
                    QTest::newRow(qPrintable(dir.dirName() + "/" + name)) << dir.filePath(name);
        }
    }

    // Every seed is a valid dump in one of the layouts lngeom reads: read with no refusal, from
    // disk and from memory as the fuzzer reads it.
    void seeds_read_without_refusal_data() {
        QTest::addColumn<QString>("path");
        const QDir dir(QString(LNGEOM_TEST_OUTPUT_DIR) + "/fuzz-seeds");
        for (const QString& name : dir.entryList({"*.h5"}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }

    void seeds_read_without_refusal() {
        QFETCH(QString, path);
        const QByteArray bytes = file_bytes(path);
        QVERIFY(!bytes.isEmpty());
        const lngeom::MemoryFile memory(
            "seed.h5", {reinterpret_cast<const std::uint8_t*>(bytes.data()), size_t(bytes.size())});
        for (const std::string& source : {path.toStdString(), memory.name()}) {
            const lngeom::fuzz::PipelineReport report = lngeom::fuzz::run_dump_pipeline(source);
            QVERIFY2(report.refusals.empty(),
                     report.refusals.empty() ? "" : report.refusals[0].c_str());
            QVERIFY(report.completed > 5);
        }
    }

    // The fuzzer's driver fails libhdf5's read of a global heap collection it would walk without
    // end (the two hangs in known-hdf5-crashers), and of none in a valid file.
    void global_heap_walk_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("ends");
        const QDir seeds(QString(LNGEOM_TEST_OUTPUT_DIR) + "/fuzz-seeds");
        for (const QString& name : seeds.entryList({"*.h5"}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << seeds.filePath(name) << true;
        const QString crashers = QString(LNGEOM_SOURCE_DIR) + "/tests/fuzz/known-hdf5-crashers/";
        for (const char* hang :
             {"h5c_protect-hang-metadata-cache.h5", "h5hg_read-hang-root-attribute.h5"})
            QTest::newRow(hang) << crashers + hang << false;
    }

    void global_heap_walk() {
        QFETCH(QString, path);
        QFETCH(bool, ends);
        const QByteArray bytes = file_bytes(path);
        QVERIFY(!bytes.isEmpty());
        QCOMPARE(every_global_heap_walk_ends(bytes), ends);
    }

    void pipeline_refuses_cleanly() {
        QFETCH(QString, path);
        const lngeom::fuzz::PipelineReport report =
            lngeom::fuzz::run_dump_pipeline(path.toStdString());
        QVERIFY(report.completed + report.refusals.size() > 0);
        for (const std::string& refusal : report.refusals)
            QVERIFY2(QString::fromStdString(refusal).startsWith(path + ": "), refusal.c_str());
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "test_fuzz_regressions.moc"
