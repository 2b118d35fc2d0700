// The data behind the figures over depth (core/charts/massive_curves, norm_growth_curve) and the
// ticks of their log axes (core/charts/axis_ticks): the planted massive activations and the
// relative updates against numpy's answers; ticks with known answers.
#include <QTest>
#include <cmath>

#include "core/charts/axis_ticks.h"
#include "core/charts/massive_curves.h"
#include "core/charts/norm_growth_curve.h"
#include "core/metrics/metrics.h"
#include "tests/core/test_analysis_fixtures.h"

using namespace lngeom;

namespace {

bool near(double value, double wanted, double relative) {
    return std::abs(value - wanted) <= relative * std::abs(wanted);
}

QStringList labelsOf(const AxisTicks& ticks) {
    QStringList labels;
    for (const std::string& label : ticks.labels) labels << QString::fromStdString(label);
    return labels;
}

}  // namespace

class TestDepthCurves : public QObject {
    Q_OBJECT

    void checkMassiveCurves(const MassiveCurves& curves) {
        const QJsonArray sites = test::analysis_json("massive.expected.json")["sites"].toArray();
        QCOMPARE(curves.size(), std::size_t(sites.size()));
        std::int64_t flagged = 0;
        for (int site = 0; site < sites.size(); ++site) {
            const QJsonObject want = sites[site].toObject();
            const QJsonArray top = want["top_dims"].toArray();
            for (std::size_t rank = 0; rank < 3; ++rank)  // peaks are exact
                QCOMPARE(curves.top[rank][std::size_t(site)],
                         top[int(rank)].toObject()["max_abs"].toDouble());
            // The median is read on the 2.2 % grid of magnitude_counts.
            QVERIFY2(near(curves.median[std::size_t(site)], want["median_abs"].toDouble(), 0.022),
                     qPrintable(QString("site %1: median %2, numpy %3")
                                    .arg(site)
                                    .arg(curves.median[std::size_t(site)])
                                    .arg(want["median_abs"].toDouble())));
            QCOMPARE(curves.flagged[std::size_t(site)],
                     std::int64_t(want["tokens_flagged"].toInt()));
            flagged += want["tokens_flagged"].toInt();
        }
        QCOMPARE(curves.total_flagged, flagged);
        QVERIFY(flagged > 0);  // the fixture plants massive tokens
    }

  private slots:
    void massive_curves_match_numpy() {
        const Dump dump = Dump::open(test::analysis_fixture("massive.h5"));
        checkMassiveCurves(massive_curves(site_massive_reports(dump, PassOptions{}, {}).reports));
    }

    // The state merges exactly, so the curves do not depend on how the rows were split.
    void massive_curves_do_not_depend_on_threads() {
        const Dump dump = Dump::open(test::analysis_fixture("massive.h5"));
        PassOptions one;
        one.threads = 1;
        PassOptions three;
        three.threads = 3;
        const MassiveCurves a = massive_curves(site_massive_reports(dump, one, {}).reports);
        const MassiveCurves b = massive_curves(site_massive_reports(dump, three, {}).reports);
        for (std::size_t rank = 0; rank < 3; ++rank) QVERIFY(a.top[rank] == b.top[rank]);
        QVERIFY(a.median == b.median);
        QVERIFY(a.flagged == b.flagged);
    }

    void a_site_without_tokens_has_no_peaks() {
        const MassiveCurves curves = massive_curves({MassiveReport{}});
        QVERIFY(std::isnan(curves.top[0][0]) && std::isnan(curves.median[0]));
        QCOMPARE(curves.total_flagged, std::int64_t(0));
    }

    void norm_growth_puts_each_update_at_its_later_site() {
        const Dump dump = Dump::open(test::analysis_fixture("massive.h5"));
        const std::vector<SiteSummary> summaries = run_metrics_pass(dump, PassOptions{});
        const NormGrowthCurve curve =
            norm_growth_curve(summaries, sampled_relative_updates(dump, kNormGrowthSampleTokens));
        QCOMPARE(curve.size(), summaries.size());
        for (std::size_t site = 0; site < summaries.size(); ++site) {
            const Summary& norm = summaries[site].metrics[std::size_t(column_of(Metric::Norm))];
            QCOMPARE(curve.mean[site], norm.mean);
            QCOMPARE(curve.p01[site], norm.p01);
            QCOMPARE(curve.p99[site], norm.p99);
        }
        // 000 ln1 → 002 ln1 and 001 ln2 → 003 ln2; the first site of each kind has none.
        const QJsonArray updates =
            test::analysis_json("massive.expected.json")["relative_updates"].toArray();
        QCOMPARE(curve.pairs, std::size_t(updates.size()));
        QVERIFY(std::isnan(curve.update_p50[0]) && std::isnan(curve.update_p50[1]));
        QCOMPARE(curve.update_tokens[0], Index(0));
        for (const QJsonValue& value : updates) {
            const QJsonObject want = value.toObject();
            const auto to = std::size_t(want["to"].toInt());
            QCOMPARE(curve.update_tokens[to], Index(want["tokens"].toInt()));
            for (const auto& [got, key] : {std::pair{curve.update_p10[to], "p10"},
                                           {curve.update_p50[to], "p50"},
                                           {curve.update_p90[to], "p90"},
                                           {curve.update_mean[to], "mean"}})
                QVERIFY2(near(got, want[key].toDouble(), 1e-6),
                         qPrintable(QString("site %1 %2: %3, numpy %4")
                                        .arg(to)
                                        .arg(key)
                                        .arg(got)
                                        .arg(want[key].toDouble())));
        }
    }

    void one_site_has_no_update() {
        SiteSummary site;
        site.metrics.resize(std::size_t(metric_count(false)));
        const NormGrowthCurve curve = norm_growth_curve({site}, {});
        QCOMPARE(curve.pairs, std::size_t(0));
        QVERIFY(std::isnan(curve.mean[0]) && std::isnan(curve.update_p50[0]));
    }

    void log_ticks_data() {
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<int>("most");
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("decades") << -1.2 << 3.5 << 10
                                 << QStringList{"10⁻¹", "10⁰", "10¹", "10²", "10³"};
        QTest::newRow("every 5th decade") << -0.5 << 12.3 << 4 << QStringList{"10⁰", "10⁵", "10¹⁰"};
        QTest::newRow("every 2nd decade")
            << -4.0 << 4.0 << 5 << QStringList{"10⁻⁴", "10⁻²", "10⁰", "10²", "10⁴"};
        QTest::newRow("within a decade: 1, 2, 5")
            << 0.1 << 1.2 << 10 << QStringList{"2", "5", "10"};
        QTest::newRow("below one: 0.2, 0.5") << -0.8 << -0.2 << 10 << QStringList{"0.2", "0.5"};
        QTest::newRow("a factor under 2.5: round values")
            << std::log10(2.2) << std::log10(3.3) << 6
            << QStringList{"2.2", "2.4", "2.6", "2.8", "3.0", "3.2"};
    }
    void log_ticks() {
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(int, most);
        QFETCH(QStringList, labels);
        const AxisTicks ticks = log_axis_ticks(low, high, most);
        QCOMPARE(labelsOf(ticks), labels);
        for (std::size_t tick = 0; tick < ticks.positions.size(); ++tick) {
            QVERIFY(ticks.positions[tick] >= low - 1e-9 && ticks.positions[tick] <= high + 1e-9);
            const double value = std::pow(10.0, ticks.positions[tick]);
            const std::string& label = ticks.labels[tick];
            if (label.rfind("10", 0) != 0 || label == "10")  // plain numbers are the values
                QVERIFY2(near(value, std::stod(label), 1e-9), label.c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestDepthCurves)
#include "test_depth_curves.moc"
