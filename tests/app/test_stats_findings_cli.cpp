// `lngeom stats` beyond the metrics (issue 15): each site's "gamma_ellipsoid" and "massive" in
// JSON, the per-token max |x| and top-1 energy share, the massive thresholds as options, and the
// warning about dumps captured after LayerNorm folding in every format. Checked against the
// numpy answers of make_analysis_fixtures.py, with planted massive activations and a γ whose
// spectrum is known in closed form.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "tests/app/export_runs.h"
#include "tests/core/test_analysis_fixtures.h"

using namespace lngeom::test;

namespace {

QString fixture(const char* name) { return QString::fromStdString(analysis_fixture(name)); }

bool close(double actual, double expected, double relative) {
    if (std::isnan(expected)) return std::isnan(actual);
    return std::abs(actual - expected) <= relative * std::max(1.0, std::abs(expected));
}

QJsonObject site_of(const QJsonObject& report, int site) {
    return report.value("sites").toArray().at(site).toObject();
}

}  // namespace

class TestStatsFindingsCli : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() { QVERIFY(cache_.isValid()); }

    void massive_activations_are_found_where_planted() {
        const QJsonObject report = json({fixture("massive.h5")});
        QCOMPARE(report.value("warnings").toArray().size(), 0);
        const QJsonArray expected = analysis_json("massive.expected.json")["sites"].toArray();
        QCOMPARE(report.value("sites").toArray().size(), expected.size());
        for (int s = 0; s < expected.size(); ++s) {
            const QJsonObject wanted = expected[s].toObject();
            const QJsonObject massive = site_of(report, s)["massive"].toObject();
            QCOMPARE(massive["threshold_abs"].toDouble(), 100.0);
            QCOMPARE(massive["threshold_ratio"].toDouble(), 1000.0);
            QCOMPARE(massive["tokens_flagged"].toInt(), wanted["tokens_flagged"].toInt());
            QCOMPARE(massive["first_position_flagged"].toInt(),
                     wanted["first_position_flagged"].toInt());
            QCOMPARE(massive["later_flagged"].toInt(), wanted["later_flagged"].toInt());
            QVERIFY(close(massive["fraction_flagged"].toDouble(),
                          wanted["tokens_flagged"].toDouble() / 256, 1e-15));
            // The median |x| comes from counts on a grid of 2.2 % steps.
            QVERIFY(
                close(massive["median_abs"].toDouble(), wanted["median_abs"].toDouble(), 0.023));
            const QJsonArray dims = massive["top_dims"].toArray();
            const QJsonArray wanted_dims = wanted["top_dims"].toArray();
            QCOMPARE(dims.size(), 10);
            for (int k = 0; k < dims.size(); ++k) {
                const QJsonObject dim = dims[k].toObject(), want = wanted_dims[k].toObject();
                for (const char* field : {"dim", "token", "position"})
                    QCOMPARE(dim[field].toInt(), want[field].toInt());
                QCOMPARE(dim["max_abs"].toDouble(), want["max_abs"].toDouble());
                QCOMPARE(dim["gamma"].toDouble(),
                         wanted["gamma"].toArray()[want["dim"].toInt()].toDouble());
            }
        }
        // Site 002: 2500 planted at dimension 7 of every sequence's first token (row 0 first).
        const QJsonObject planted =
            site_of(report, 2)["massive"].toObject()["top_dims"].toArray()[0].toObject();
        QCOMPARE(planted["dim"].toInt(), 7);
        QCOMPARE(planted["max_abs"].toDouble(), 2500.0);
        QCOMPARE(planted["token"].toInt(), 0);
        QCOMPARE(planted["position"].toInt(), 0);
    }

    void per_token_peak_metrics_match_numpy() {
        const QJsonObject report = json({fixture("massive.h5")});
        const QJsonArray expected = analysis_json("massive.expected.json")["sites"].toArray();
        for (int s = 0; s < expected.size(); ++s) {
            const QJsonObject metrics = site_of(report, s)["metrics"].toObject();
            for (const char* name : {"max_abs", "top1_energy_share"}) {
                const QJsonArray values = expected[s][name].toArray();
                std::vector<double> v;
                for (const QJsonValue& value : values) v.push_back(value.toDouble());
                const double mean = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
                const QJsonObject summary = metrics[name].toObject();
                QVERIFY2(close(summary["mean"].toDouble(), mean, 1e-9), name);
                QVERIFY2(
                    close(summary["max"].toDouble(), *std::max_element(v.begin(), v.end()), 1e-7),
                    name);
                QVERIFY2(
                    close(summary["min"].toDouble(), *std::min_element(v.begin(), v.end()), 1e-7),
                    name);
            }
        }
        // A planted 2500 among N(0, 1) coordinates holds nearly all of its token's ‖x‖².
        const QJsonObject planted = site_of(report, 2)["metrics"].toObject();
        QVERIFY(planted["top1_energy_share"].toObject()["max"].toDouble() > 0.6);
        QCOMPARE(planted["max_abs"].toObject()["max"].toDouble(), 2500.0);
    }

    void thresholds_are_options() {
        const QJsonObject report =
            json({fixture("massive.h5"), "--massive-abs", "1000", "--massive-ratio", "0"});
        // Only the planted 2500 and 2600 (and −1800) pass 1000: the 8 first tokens.
        const int wanted[] = {0, 0, 8, 8};
        for (int s = 0; s < 4; ++s) {
            const QJsonObject massive = site_of(report, s)["massive"].toObject();
            QCOMPARE(massive["threshold_abs"].toDouble(), 1000.0);
            QCOMPARE(massive["threshold_ratio"].toDouble(), 0.0);
            QCOMPARE(massive["tokens_flagged"].toInt(), wanted[s]);
            QCOMPARE(massive["first_position_flagged"].toInt(), wanted[s]);
        }
    }

    void int8_outlier_features_are_reported() {
        const QJsonObject expected = analysis_json("int8.expected.json");
        const QJsonArray widths = json({fixture("int8.h5")})["int8_outliers"].toArray();
        QCOMPARE(widths.size(), 1);
        const QJsonObject width = widths[0].toObject();
        QCOMPARE(width["d"].toInt(), expected["d"].toInt());
        QCOMPARE(width["sites"].toInt(), expected["sites"].toInt());
        QCOMPARE(width["magnitude"].toDouble(), 6.0);
        QCOMPARE(width["token_share"].toDouble(), 0.06);
        QCOMPARE(width["site_share"].toDouble(), 0.25);
        const QJsonArray dims = width["dims"].toArray();
        QCOMPARE(dims.size(), expected["dims"].toArray().size());
        for (int k = 0; k < dims.size(); ++k) {
            QCOMPARE(dims[k]["dim"].toInt(), expected["dims"][k].toInt());
            QCOMPARE(dims[k]["sites"].toInt(), expected["sites_with"][k].toInt());
        }
        // The planted massive activations are too few tokens (3 %) for the rule.
        const QJsonArray none = json({fixture("massive.h5")})["int8_outliers"].toArray();
        QCOMPARE(none.size(), 1);
        QVERIFY(none[0]["dims"].toArray().isEmpty());
    }

    void bad_thresholds_are_named() {
        const CommandRun negative =
            stats({fixture("massive.h5"), "--massive-ratio", "-1", "--format", "json"});
        QCOMPARE(negative.exitCode, 2);
        QVERIFY2(negative.err.contains("--massive-ratio needs a number ≥ 0, not '-1'"),
                 negative.err.constData());
        const CommandRun text = stats({fixture("massive.h5"), "--massive-abs", "lots"});
        QCOMPARE(text.exitCode, 2);
        QVERIFY2(text.err.contains("--massive-abs needs a number, not 'lots'"), text.err);
    }

    void gamma_ellipsoid_matches_the_svd() {
        const QJsonObject report = json({fixture("massive.h5")});
        const QJsonArray expected = analysis_json("massive.expected.json")["sites"].toArray();
        for (int s = 0; s < expected.size(); ++s) {
            const QJsonObject ellipsoid = site_of(report, s)["gamma_ellipsoid"].toObject();
            const QJsonObject wanted = expected[s]["gamma_ellipsoid"].toObject();
            for (const QString& field : wanted.keys())
                QVERIFY2(close(number_of(ellipsoid[field]), number_of(wanted[field]), 1e-9),
                         qPrintable(field));
        }
        // γ = 0.5 (×32), 2 (×32), d = 64: semi-axes 4, √136 and 16; anisotropy 4; tilt
        // (1/a + 1/b)/√(2(1/a² + 1/b²)) = 5/√34.
        const QJsonObject known = site_of(report, 1)["gamma_ellipsoid"].toObject();
        QVERIFY(close(known["axes_min"].toDouble(), 4.0, 1e-12));
        QVERIFY(close(known["axes_median"].toDouble(), std::sqrt(136.0), 1e-12));
        QVERIFY(close(known["axes_max"].toDouble(), 16.0, 1e-12));
        QVERIFY(close(known["anisotropy"].toDouble(), 4.0, 1e-12));
        QVERIFY(close(known["tilt_cos"].toDouble(), 5.0 / std::sqrt(34.0), 1e-12));
    }

    void sites_without_gamma_have_no_ellipsoid() {
        // centred.h5 stores γ at site 1 only.
        const QJsonObject report = json({fixture("centred.h5")});
        QVERIFY(!site_of(report, 0).contains("gamma_ellipsoid"));
        QVERIFY(site_of(report, 1).contains("gamma_ellipsoid"));
        QVERIFY(!site_of(report, 2).contains("gamma_ellipsoid"));
        QVERIFY(site_of(report, 0).contains("massive"));
    }

    void folded_dumps_are_said_plainly() {
        const char* sentence = "every input of 3 of 3 LayerNorm sites is mean-centred";
        const char* cause = "TransformerLens' fold_ln and center_writing_weights";
        const QJsonArray warnings = json({fixture("centred.h5")})["warnings"].toArray();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].toString().contains(sentence), qPrintable(warnings[0].toString()));
        QVERIFY(warnings[0].toString().contains(cause));

        const CommandRun table = stats({fixture("centred.h5")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains(QByteArray("\nnote: ") + sentence), table.out.constData());
        QVERIFY(table.out.contains(cause));
        QVERIFY(table.out.contains("from_pretrained_no_processing"));

        const CommandRun csv = stats({fixture("centred.h5"), "--format", "csv"});
        QCOMPARE(csv.exitCode, 0);
        QVERIFY(!csv.out.contains(sentence));
        QVERIFY2(csv.err.startsWith(QByteArray("lngeom stats: warning: ") + sentence),
                 csv.err.constData());

        const CommandRun ordinary = stats({fixture("massive.h5")});
        QVERIFY(!ordinary.out.contains("note:"));
    }

    void help_lists_the_options() {
        const CommandRun help = stats({"--help"});
        QCOMPARE(help.exitCode, 0);
        for (const char* text : {"--massive-abs A", "--massive-ratio R", "gamma_ellipsoid",
                                 "\"massive\"", "\"warnings\""})
            QVERIFY2(help.out.contains(text), text);
    }

  private:
    CommandRun stats(const QStringList& arguments) {
        return runLngeom(QStringList{"stats"} + arguments, cache_.path());
    }

    QJsonObject json(const QStringList& arguments) {
        const CommandRun run = stats(arguments + QStringList{"--format", "json"});
        if (run.exitCode != 0) qWarning("%s", qPrintable(describe(run)));
        return QJsonDocument::fromJson(run.out).object();
    }

    QTemporaryDir cache_;
};

QTEST_GUILESS_MAIN(TestStatsFindingsCli)
#include "test_stats_findings_cli.moc"
