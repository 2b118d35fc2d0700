// The atomic writer (whole file or none, the old file kept on failure, one clear message) and
// the per-token metrics of the sample dump as CSV (every site × token, a selection, bad requests)
// and as HDF5 (read back with h5py).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/columns/column_blocks.h"
#include "core/errors.h"
#include "core/io/atomic_file.h"
#include "core/metrics/metrics_store.h"
#include "core/reports/metrics_export.h"
#include "core/reports/metrics_export_hdf5.h"

namespace {

const std::string kSample = LNGEOM_SOURCE_DIR "/data/sample-layernorm.h5";

QByteArray contents(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList lines_of(const std::string& text) {
    return QString::fromStdString(text).split('\n', Qt::SkipEmptyParts);
}

struct Sample {
    lngeom::Dump dump = lngeom::Dump::open(kSample);
    lngeom::MetricsStore store = compute(dump);

    static lngeom::MetricsStore compute(const lngeom::Dump& dump) {
        lngeom::StoreOptions options;
        options.use_cache = false;
        return lngeom::MetricsStore::compute(dump, "", options);
    }

    std::string csv(const lngeom::TokenMetricsRequest& request) const {
        std::ostringstream out;
        lngeom::write_token_metrics_csv(out, dump, store, request);
        return out.str();
    }
};

}  // namespace

class TestExportData : public QObject {
    Q_OBJECT

  private slots:
    void writesWholeFile() {
        QTemporaryDir directory;
        const QString path = directory.filePath("report.json");
        lngeom::write_file_atomically(path.toStdString(), "{\"a\": 1}\n");
        QCOMPARE(contents(path), QByteArray("{\"a\": 1}\n"));
        QCOMPARE(QDir(directory.path())
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                     .size(),
                 1);
    }

    void failedWriterKeepsTheOldFile() {
        QTemporaryDir directory;
        const QString path = directory.filePath("figure.csv");
        lngeom::write_file_atomically(path.toStdString(), "good\n");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, lngeom::write_file_atomically(
                                                         path.toStdString(), [](std::ostream& out) {
                                                             out << "half a fi";
                                                             throw std::runtime_error("cancelled");
                                                         }));
        QCOMPARE(contents(path), QByteArray("good\n"));
        QCOMPARE(QDir(directory.path())
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                     .size(),
                 1);
    }

    void uncommittedTemporaryIsRemoved() {
        QTemporaryDir directory;
        const QString path = directory.filePath("figure.svg");
        std::string temporary;
        {
            lngeom::AtomicFile file(path.toStdString());
            temporary = file.temporary_path();
            QVERIFY(QString::fromStdString(temporary).endsWith(".svg"));
            std::ofstream(temporary) << "<svg/>";
        }
        QVERIFY(!QFile::exists(QString::fromStdString(temporary)));
        QVERIFY(!QFile::exists(path));
    }

    void emptyOutputIsRefused() {
        QTemporaryDir directory;
        const std::string path = directory.filePath("figure.pdf").toStdString();
        lngeom::AtomicFile file(path);
        std::ofstream(file.temporary_path()).flush();
        try {
            file.commit();
            QFAIL("an empty figure was committed");
        } catch (const lngeom::Error& error) {
            QCOMPARE(QString(error.what()),
                     QString::fromStdString(path) + ": cannot be written (nothing was written to " +
                         QString::fromStdString(file.temporary_path()) + ")");
        }
    }

    void missingDirectoryIsNamed() {
        try {
            lngeom::write_file_atomically("/nonexistent/out.csv", "x");
            QFAIL("no error");
        } catch (const lngeom::Error& error) {
            QCOMPARE(QString(error.what()),
                     "/nonexistent/out.csv: cannot be written: the directory /nonexistent does not "
                     "exist");
        }
    }

    void everySiteAndToken() {
        const Sample sample;
        const auto& info = sample.dump.info();
        const QStringList lines = lines_of(sample.csv({}));
        QCOMPARE(lines.size(), qsizetype(info.sites.size() * std::size_t(info.n_tokens) + 1));
        QVERIFY(lines.first().startsWith(
            "site,module,layer,site_name,token,text,sequence,position,angle_to_uniform_deg,"));
        QVERIFY(lines.first().endsWith(",output_norm,rotation_deg"));
    }

    void rowsCarryTheStoredValues_data() {
        QTest::addColumn<int>("site");
        QTest::addColumn<int>("token");
        QTest::newRow("first") << 0 << 0;
        QTest::newRow("middle") << 2 << 100;
        QTest::newRow("last") << -1 << 511;
    }

    void rowsCarryTheStoredValues() {
        QFETCH(int, site);
        QFETCH(int, token);
        const Sample sample;
        const auto& info = sample.dump.info();
        const std::size_t chosen = site < 0 ? info.sites.size() - 1 : std::size_t(site);
        const QStringList lines = lines_of(sample.csv({{chosen}, {token}, nullptr}));
        QCOMPARE(lines.size(), 2);
        const QStringList fields = lines[1].split(',');
        QCOMPARE(fields[0], QString::fromStdString(info.sites[chosen].key));
        QCOMPARE(fields[4].toInt(), token);
        QCOMPARE(fields[6].toInt(), sample.dump.read_sequence(token, 1).front());
        const float angle = lngeom::value_at(*sample.store.columns(chosen),
                                             lngeom::Metric::AngleToUniformDeg, token);
        QCOMPARE(fields[8].toFloat(), angle);
    }

    void badRequestsAreNamed_data() {
        QTest::addColumn<QString>("site");
        QTest::addColumn<int>("token");
        QTest::addColumn<QString>("message");
        const QString file = QString::fromStdString(kSample);
        QTest::newRow("unknown site") << "9·ln7" << 0
                                      << file +
                                             ": 9·ln7: is not a norm site of this dump (its "
                                             "sites: 000, 001, 002, 003, 004, 005, 006, 007, 008)";
        QTest::newRow("token past the end")
            << "000" << 512 << file + ": /norms/000: has no token 512 (it has 512)";
    }

    void badRequestsAreNamed() {
        QFETCH(QString, site);
        QFETCH(int, token);
        QFETCH(QString, message);
        const Sample sample;
        try {
            const std::size_t index = lngeom::find_site(sample.dump.info(), site.toStdString());
            sample.csv({{index}, {token}, nullptr});
            QFAIL("no error");
        } catch (const lngeom::RequestError& error) {
            QCOMPARE(QString::fromUtf8(error.what()), message);
        }
    }

    void hdf5HoldsEveryColumn() {
        const Sample sample;
        QTemporaryDir directory;
        const QString path = directory.filePath("metrics.h5");
        lngeom::write_token_metrics_hdf5(path.toStdString(), sample.dump, sample.store);
        const float angle =
            lngeom::value_at(*sample.store.columns(3), lngeom::Metric::AngleToUniformDeg, 100);
        const QString script = QString(R"(
import h5py, sys
f = h5py.File(sys.argv[1], "r")
sites = sorted(f["sites"])
g = f["sites/003"]
print(len(sites), g["angle_to_uniform_deg"].shape[0], len(g), g.attrs["module"],
      repr(float(g["angle_to_uniform_deg"][100])), f["position"].shape[0]))");
        QProcess python;
        python.start(LNGEOM_PYTHON, {"-c", script, path});
        QVERIFY(python.waitForFinished(60000));
        const QStringList fields =
            QString::fromUtf8(python.readAllStandardOutput()).trimmed().split(' ');
        QVERIFY2(fields.size() == 6, python.readAllStandardError().constData());
        QCOMPARE(fields[0], "9");
        QCOMPARE(fields[1], "512");
        QCOMPARE(fields[2], "12");  // every metric: the sample stores the outputs
        QCOMPARE(fields[3], "blocks.1.ln2");
        QCOMPARE(fields[4].toFloat(), angle);
        QCOMPARE(fields[5], "512");
        QCOMPARE(QDir(directory.path())
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                     .size(),
                 1);
    }

    void siteByLabel() {
        const Sample sample;
        QCOMPARE(lngeom::find_site(sample.dump.info(), "final"),
                 sample.dump.info().sites.size() - 1);
    }
};

QTEST_GUILESS_MAIN(TestExportData)
#include "test_export_data.moc"
