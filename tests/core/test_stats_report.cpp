// `lngeom stats` formatting: JSON that parses and matches numpy, with NaN as null, escaped
// strings and full precision; CSV with one row per site × metric; an aligned table.
#include <QJsonDocument>
#include <QTest>
#include <cmath>

#include "core/io/dump.h"
#include "core/metrics/metrics.h"
#include "core/metrics/metrics_pass.h"
#include "core/reports/stats_report.h"
#include "tests/core/test_metric_fixtures.h"

using namespace lngeom;

namespace {

struct Report {
    Dump dump;
    std::vector<SiteSummary> sites;
};

Report report_of(const QString& type) {
    Dump dump = Dump::open(test::metric_fixture(type));
    std::vector<SiteSummary> sites = run_metrics_pass(dump, PassOptions{});
    return {std::move(dump), std::move(sites)};
}

// A dump description made by hand, for what fixtures cannot easily hold.
DumpInfo hand_made_info(const std::string& module) {
    DumpInfo info;
    info.path = "/data/hand \"made\".h5";
    info.model = {
        {"name", std::string("tab\there")}, {"d_model", std::int64_t(4)}, {"final_loss", 0.1}};
    SiteInfo site;
    site.key = "000";
    site.module = module;
    site.layer = 3;
    site.site = "ln1";
    site.d = 4;
    site.n_tokens = 2;
    info.sites.push_back(site);
    return info;
}

std::vector<SiteSummary> nan_summaries() {
    const double nan = std::nan("");
    SiteSummary summary{2, 2, 2, 0, 0, 0, {}};
    summary.metrics.assign(kInputMetricCount, Summary{0, nan, nan, nan, nan, nan, nan, nan});
    return {summary};
}

QJsonValue parse_json_value(const std::string& literal) {
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromStdString("[" + literal + "]"));
    return document.array().at(0);
}

}  // namespace

class TestStatsReport : public QObject {
    Q_OBJECT

  private slots:
    void json_matches_numpy() {
        const Report report = report_of("float32");
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(
            QByteArray::fromStdString(format_json(report.dump.info(), report.sites)), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject root = document.object();
        QCOMPARE(root.keys(), QStringList({"file", "model", "sites"}));
        QCOMPARE(root.value("file").toString().toStdString(), test::metric_fixture("float32"));
        QCOMPARE(root.value("model").toObject().value("name").toString(), "fixture \"float32\"");
        QCOMPARE(root.value("model").toObject().value("d_model").toInteger(), 50);
        const QJsonArray expected = test::expected_sites(test::metric_fixture("float32"));
        const QJsonArray sites = root.value("sites").toArray();
        QCOMPARE(sites.size(), expected.size());
        for (qsizetype s = 0; s < sites.size(); ++s) {
            const QJsonObject actual = sites[s].toObject(), wanted = expected[s].toObject();
            for (const char* field :
                 {"key", "module", "layer", "site", "d", "n_tokens", "n_invalid"})
                QCOMPARE(actual.value(field), wanted.value(field));
            const QJsonObject metrics = actual.value("metrics").toObject();
            QCOMPARE(metrics.keys(), wanted.value("metrics").toObject().keys());
            for (const QString& name : metrics.keys()) {
                const QJsonObject a = metrics.value(name).toObject();
                const QJsonObject w = wanted.value("metrics").toObject().value(name).toObject();
                QCOMPARE(a.keys(), QStringList({"max", "mean", "min", "p01", "p50", "p99", "std"}));
                for (const QString& field : a.keys())
                    QVERIFY2(
                        test::close_to(a.value(field).toDouble(), w.value(field).toDouble(), 2e-7),
                        qPrintable(name + " " + field));
            }
        }
    }

    void json_numbers_keep_full_precision_data() {
        QTest::addColumn<double>("value");
        QTest::newRow("third") << 1.0 / 3.0;
        QTest::newRow("tiny") << 4.9406564584124654e-324;
        QTest::newRow("huge") << 1.7976931348623157e308;
        QTest::newRow("negative angle-ish") << -89.999999999999986;
    }

    void json_numbers_keep_full_precision() {
        QFETCH(double, value);
        QCOMPARE(std::strtod(json_number(value).c_str(), nullptr), value);
    }

    void nan_becomes_null() {
        const std::string json = format_json(hand_made_info("m"), nan_summaries());
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(json));
        QVERIFY(!document.isNull());
        const QJsonObject angle =
            document.object()["sites"][0]["metrics"]["angle_to_uniform_deg"].toObject();
        for (const QString& field : angle.keys()) QVERIFY(angle.value(field).isNull());
        QCOMPARE(json_number(std::numeric_limits<double>::infinity()), std::string("null"));
    }

    void strings_are_escaped_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("decoded");
        QTest::newRow("quote and backslash") << QByteArray("a\"b\\c") << QString("a\"b\\c");
        QTest::newRow("control characters")
            << QByteArray("t\tn\nz\x01", 6) << QString("t\tn\nz\x01");
        QTest::newRow("UTF-8") << QByteArray("θ ⟂ 1 ‖x‖") << QString::fromUtf8("θ ⟂ 1 ‖x‖");
        QTest::newRow("four-byte UTF-8")
            << QByteArray("\xf0\x9f\x98\x80") << QString::fromUtf8("\xf0\x9f\x98\x80");
        QTest::newRow("invalid byte") << QByteArray(
                                             "a\xff"
                                             "b")
                                      << QString(
                                             "a\uFFFD"
                                             "b");
        QTest::newRow("truncated sequence") << QByteArray("a\xe2\x9f") << QString("a\uFFFD\uFFFD");
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << QString("\uFFFD\uFFFD\uFFFD");
    }

    void strings_are_escaped() {
        QFETCH(QByteArray, text);
        QFETCH(QString, decoded);
        const QJsonValue value = parse_json_value(json_string(text.toStdString()));
        QVERIFY(value.isString());
        QCOMPARE(value.toString(), decoded);
    }

    void csv_has_a_row_per_site_and_metric() {
        const Report report = report_of("float64");
        const QStringList lines =
            QString::fromStdString(format_csv(report.dump.info(), report.sites))
                .split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + kMetricCount + kMetricCount + kInputMetricCount);
        const QStringList header = lines.front().split(',');
        QCOMPARE(header.front(), "key");
        QVERIFY(header.contains("p99") && header.contains("n_invalid_output"));
        for (const QString& line : lines) QCOMPARE(line.split(',').size(), header.size());
        const QStringList degenerate_angle = lines[1 + kMetricCount].split(',');
        QCOMPARE(degenerate_angle[header.indexOf("metric")], "angle_to_uniform_deg");
        QCOMPARE(degenerate_angle[header.indexOf("n_invalid")], "4");
        QCOMPARE(degenerate_angle[header.indexOf("count")], "60");
    }

    void csv_quotes_fields_with_separators() {
        const std::string csv = format_csv(hand_made_info("blocks,\"3\""), nan_summaries());
        QVERIFY(QString::fromStdString(csv).contains("000,\"blocks,\"\"3\"\"\",3,ln1,"));
        QVERIFY2(QString::fromStdString(csv).contains(",angle_to_uniform_deg,0,,,,,,,\n"),
                 csv.c_str());
    }

    void table_columns_are_aligned() {
        const Report report = report_of("bfloat16");
        const QStringList lines =
            QString::fromStdString(format_table(report.dump.info(), report.sites))
                .split('\n', Qt::SkipEmptyParts);
        QVERIFY(lines[0].startsWith("file: "));
        QVERIFY(lines[1].contains("name = fixture \"bfloat16\""));
        const QString header = lines[2];
        QVERIFY(header.contains("angle to 1 (°)") && header.contains("rotation (°)"));
        QCOMPARE(lines.size(), 3 + 3);
        const qsizetype module_column = header.indexOf("module");
        for (const char* module : {"layers.0.ln_1", "layers.0.ln_2", "final_norm"})
            QVERIFY(std::any_of(lines.begin(), lines.end(), [&](const QString& line) {
                return line.indexOf(module) == module_column;
            }));
        QVERIFY(lines[5].contains(" - "));  // the final norm has no output
        QVERIFY(lines[3].contains(" ± "));
    }
};

QTEST_GUILESS_MAIN(TestStatsReport)
#include "test_stats_report.moc"
