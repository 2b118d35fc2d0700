// Norm growth (core/analysis/norm_growth): the pairs of consecutive sites of one kind and the
// relative update ‖x_{l+1} − x_l‖/‖x_l‖ against numpy, whole and sampled.
#include <QTest>
#include <cmath>

#include "core/analysis/norm_growth.h"
#include "tests/core/test_analysis_fixtures.h"

using namespace lngeom;

class TestNormGrowth : public QObject {
    Q_OBJECT

  private slots:
    void updates_match_numpy() {
        const Dump dump = Dump::open(test::analysis_fixture("massive.h5"));
        const std::vector<UpdateSummary> updates = sampled_relative_updates(dump, 1000);
        const QJsonArray expected =
            test::analysis_json("massive.expected.json").value("relative_updates").toArray();
        QCOMPARE(qsizetype(updates.size()), expected.size());
        for (int k = 0; k < expected.size(); ++k) {
            const QJsonObject want = expected[k].toObject();
            const UpdateSummary& got = updates[size_t(k)];
            QCOMPARE(got.pair.from, std::size_t(want.value("from").toInt()));
            QCOMPARE(got.pair.to, std::size_t(want.value("to").toInt()));
            QCOMPARE(got.tokens, Index(want.value("tokens").toInt()));
            for (const auto& [value, key] : {std::pair{got.mean, "mean"},
                                             {got.p10, "p10"},
                                             {got.p50, "p50"},
                                             {got.p90, "p90"}}) {
                const double wanted = want.value(key).toDouble();
                QVERIFY2(std::abs(value - wanted) < 1e-6 * wanted,
                         qPrintable(QString("pair %1: %2 = %3, numpy %4")
                                        .arg(k)
                                        .arg(key)
                                        .arg(value)
                                        .arg(wanted)));
            }
        }
    }

    void a_sample_reads_bounded_runs() {
        const Dump dump = Dump::open(test::analysis_fixture("massive.h5"));
        const std::vector<UpdateSummary> updates = sampled_relative_updates(dump, 64);
        QCOMPARE(updates.front().tokens, Index(64));
        QVERIFY(updates.front().p50 > 15 && updates.front().p50 < 25);  // spread 0.05 → 1
    }

    void pairs_follow_kind_width_and_tokens() {
        DumpInfo info;
        const auto site = [](std::string name, Index d, Index n) {
            SiteInfo s;
            s.site = std::move(name);
            s.d = d;
            s.n_tokens = n;
            return s;
        };
        info.sites = {site("ln1", 8, 10),  site("ln2", 8, 10), site("ln1", 8, 10),
                      site("ln2", 8, 10),  site("", 8, 10),    site("final", 8, 10),
                      site("ln1", 16, 10), site("ln1", 8, 10)};
        const std::vector<SitePair> pairs = consecutive_site_pairs(info);
        QCOMPARE(pairs.size(), size_t(3));
        QCOMPARE(pairs[0].from, size_t(0));
        QCOMPARE(pairs[0].to, size_t(2));
        QCOMPARE(pairs[1].to, size_t(3));
        QCOMPARE(pairs[2].from, size_t(2));  // the d = 16 site is of another width
        QCOMPARE(pairs[2].to, size_t(7));
        info.layout = Layout::Generic3D;
        for (SiteInfo& s : info.sites) s.site.clear();
        QCOMPARE(consecutive_site_pairs(info).size(), size_t(6));
    }

    void zero_and_non_finite_rows_have_no_update() {
        RowMatrixD before(3, 2), after(3, 2);
        before << 0, 0, 3, 4, 1, 1;
        after << 1, 1, 3, 4, std::nan(""), 1;
        const Eigen::VectorXd updates = relative_update(before, after);
        QVERIFY(std::isnan(updates(0)));
        QCOMPARE(updates(1), 0.0);
        QVERIFY(std::isnan(updates(2)));
    }
};

QTEST_APPLESS_MAIN(TestNormGrowth)
#include "test_norm_growth.moc"
