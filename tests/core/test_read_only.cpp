// The read-only guarantee: every file of the hostile corpus and of the reader's and metrics'
// fixtures is byte-identical, with the same modification time, after everything lngeom does
// with a file: listing, opening, reading every site through the kernel, the metrics pass, the
// metrics store writing and reading its cache, and the reports exported beside the dump.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "core/io/dump.h"
#include "core/io/dump_validation.h"
#include "core/metrics/metrics_store.h"
#include "core/reports/stats_report.h"
#include "tests/fuzz/dump_pipeline.h"

using namespace lngeom;
namespace fs = std::filesystem;

namespace {

struct Fingerprint {
    QByteArray sha256;
    fs::file_time_type modified;
    bool operator==(const Fingerprint&) const = default;
};

Fingerprint fingerprint(const QString& path) {
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (file.open(QIODevice::ReadOnly)) hash.addData(&file);
    return {hash.result().toHex(), fs::last_write_time(path.toStdString())};
}

// The store computes (writing the cache), computes again (reading it), and every report
// format is exported next to the dump, as `lngeom stats --output` does. Like lngeom, it reads
// only a file that validation passed: libhdf5 overflows its buffers on some refused files.
void compute_and_export(const std::string& path, const std::string& cache_directory,
                        const std::string& export_directory) {
    const Dump dump = Dump::open(path);
    validate_open_dump(dump);
    StoreOptions options;
    options.cache_directory = cache_directory;
    options.pass.memory_budget_bytes = std::size_t(64) << 20;
    for (int run = 0; run < 2; ++run) {
        const MetricsStore store = MetricsStore::compute(dump, "", options);
        for (ReportFormat format : {ReportFormat::Table, ReportFormat::Csv, ReportFormat::Json})
            std::ofstream(export_directory + "/report-" + std::to_string(int(format)))
                << format_report(format, dump.info(), store.summaries());
    }
}

}  // namespace

class TestReadOnly : public QObject {
    Q_OBJECT

  private slots:
    void inputs_are_untouched_data() {
        QTest::addColumn<QString>("path");
        const QString output = LNGEOM_TEST_OUTPUT_DIR;
        for (const QString& directory :
             {output + "/bad-corpus", output + "/io-fixtures", output + "/metric-fixtures"}) {
            const QDir dir(directory);
            for (const QString& name : dir.entryList({"*.h5"}, QDir::Files, QDir::Name))
                QTest::newRow(qPrintable(dir.dirName() + "/" + name)) << dir.filePath(name);
        }
    }

    void inputs_are_untouched() {
        QFETCH(QString, path);
        const Fingerprint before = fingerprint(path);
        QVERIFY(!before.sha256.isEmpty());
        const QTemporaryDir work;
        const std::string file = path.toStdString();
        const fuzz::PipelineReport report = fuzz::run_dump_pipeline(file);
        QVERIFY(report.completed + report.refusals.size() > 0);
        try {
            compute_and_export(file, work.filePath("cache").toStdString(),
                               work.path().toStdString());
        } catch (const Error& error) {
            // A bad file is refused; the run above already checked how.
            QVERIFY(QString(error.what()).startsWith(path));
        }
        const Fingerprint after = fingerprint(path);
        QVERIFY2(after == before, after.sha256.constData());
    }
};

QTEST_GUILESS_MAIN(TestReadOnly)
#include "test_read_only.moc"
