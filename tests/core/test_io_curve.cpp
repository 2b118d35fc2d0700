// The LayerNorm input–output curve (core/analysis/io_curve, io_curve_sample): the points against
// the definition, the tanh fit against numpy's least squares and an exact case, the density grid,
// and the curve of a dump's site: tokens built so their lines trace tanh(2x) exactly give α = 2;
// sites with ‖x‖ from 0.05·√d to 100·√d match numpy's fit; a bounded sample reads spread runs; a
// site of constant rows with ε = 0 has no fit.
#include <QJsonArray>
#include <QTest>

#include <algorithm>
#include <cmath>

#include "core/analysis/io_curve.h"
#include "core/analysis/io_curve_sample.h"
#include "core/analysis/sampled_runs.h"
#include "core/errors.h"
#include "tests/core/test_analysis_fixtures.h"

using namespace lngeom;

class TestIoCurve : public QObject {
    Q_OBJECT

  private slots:
    void tanh_fit_matches_numpy() {
        for (const QJsonValue& value :
             test::analysis_json("tanh-cases.json").value("cases").toArray()) {
            const QJsonObject c = value.toObject();
            const TanhFit fit = fit_tanh(test::vector_of(c.value("x")).array(),
                                         test::vector_of(c.value("y")).array());
            const double alpha = c.value("alpha").toDouble();
            const QString name = c.value("name").toString();
            QVERIFY2(std::abs(fit.alpha - alpha) < 1e-9 * std::abs(alpha),
                     qPrintable(QString("%1: α = %2, numpy %3")
                                    .arg(name)
                                    .arg(fit.alpha, 0, 'g', 17)
                                    .arg(alpha, 0, 'g', 17)));
            QVERIFY2(std::abs(fit.residual_rms - c.value("residual_rms").toDouble()) < 1e-9,
                     qPrintable(name));
            QCOMPARE(fit.points, Index(c.value("x").toArray().size()));
        }
        const TanhFit empty = fit_tanh(Eigen::ArrayXd(), Eigen::ArrayXd());
        QVERIFY(std::isnan(empty.alpha));
        QCOMPARE(empty.points, Index(0));
    }

    // Each token's points lie on a line of slope 1/√(σ² + ε) through (μ, 0); a constant row has
    // no standardization with ε = 0 and is left out.
    void points_follow_the_definition() {
        RowMatrixD x(3, 4);
        x << 1, 2, 3, 6, 5, 5, 5, 5, -10, 0, 10, 40;
        const IoCurvePoints points = io_curve_points(NormKind::LayerNorm, x, 0.0);
        QCOMPARE(points.input.size(), Index(8));
        for (Index j = 0; j < points.input.size(); ++j) {
            const Index row = points.token(j);
            QVERIFY(row != 1);
            const double mean = x.row(row).mean();
            const double sigma = std::sqrt((x.row(row).array() - mean).square().mean());
            QCOMPARE(points.input(j), x(row, points.channel(j)));
            QVERIFY(std::abs(points.output(j) - (points.input(j) - mean) / sigma) < 1e-14);
        }
        const IoCurvePoints rms = io_curve_points(NormKind::RmsNorm, x, 0.0);
        QCOMPARE(rms.input.size(), Index(12));
    }

    void density_counts_points_in_their_cells() {
        Eigen::ArrayXd x(5), y(5);
        x << 0.0, 0.5, 1.0, 2.0, -0.1;
        y << 0.0, 0.9, 1.0, 0.5, 0.5;
        const Density2D density = density_of(x, y, 2, 2, 0, 1, 0, 1);
        QCOMPARE(density.counts.sum(), 3.0);  // (2, 0.5) and (−0.1, 0.5) are outside
        QCOMPARE(density.counts(0, 0), 1.0);
        QCOMPARE(density.counts(1, 1), 2.0);  // 0.5 and the high edges go to the upper cells
        try {
            density_of(x, y, 0, 2, 0, 1, 0, 1);
            QFAIL("no cells accepted");
        } catch (const std::invalid_argument& error) {
            QVERIFY(QString(error.what()).contains("at least one cell"));
        }
    }

    // Each token of site 000 holds ±a_t on 2k_t channels (zeros elsewhere, ε = 1), with a_t
    // chosen so its line of slope 1/√(σ_t² + 1) meets tanh(2x) where its points are: the
    // lines of 24 different slopes together are the curve, and the fit must find α = 2.
    void tokens_bending_into_a_known_tanh_give_its_alpha() {
        const Dump dump = Dump::open(test::analysis_fixture("io-curve.h5"));
        const IoCurveSample sample = sample_io_curve(dump, 0);
        QCOMPARE(sample.tokens_read, Index(300));
        QVERIFY(!sample.sampled());
        QVERIFY2(std::abs(sample.fit.alpha - 2.0) < 1e-9,
                 qPrintable(QString::number(sample.fit.alpha, 'g', 17)));
        QVERIFY(sample.fit.residual_rms < 1e-12);
        QCOMPARE(sample.fit.points, Index(300 * 64));
        QCOMPARE(sample.lines.size(), std::size_t(3));
        QVERIFY(sample.lines[0].scale < sample.lines[1].scale);
        QVERIFY(sample.lines[1].scale < sample.lines[2].scale);
        QCOMPARE(sample.points_outside + Index(sample.density.counts.sum()), sample.fit.points);
    }

    // ‖x‖ from 0.05·√d to 100·√d with non-zero means, LayerNorm in float16 and RMSNorm: α, the
    // residual and the tokens of the smallest, median and largest σ as numpy finds them.
    void wide_sites_match_numpy() {
        const Dump dump = Dump::open(test::analysis_fixture("io-curve.h5"));
        const QJsonObject expected = test::analysis_json("io-curve.expected.json");
        for (const SiteIndex site : {SiteIndex(1), SiteIndex(2), SiteIndex(3)}) {
            const QJsonObject answer = expected.value(QString::asprintf("%03zu", site)).toObject();
            const IoCurveSample sample = sample_io_curve(dump, site);
            const double alpha = answer.value("alpha").toDouble();
            QVERIFY2(std::abs(sample.fit.alpha - alpha) < 1e-8 * std::abs(alpha),
                     qPrintable(QString("site %1: α = %2, numpy %3")
                                    .arg(site)
                                    .arg(sample.fit.alpha, 0, 'g', 17)
                                    .arg(alpha, 0, 'g', 17)));
            QVERIFY(std::abs(sample.fit.residual_rms - answer.value("residual_rms").toDouble()) <
                    1e-9);
            QCOMPARE(sample.fit.points, Index(answer.value("points").toInt()));
            const QJsonArray lines = answer.value("lines").toArray();
            for (int k = 0; k < 3; ++k)
                QCOMPARE(sample.lines[std::size_t(k)].token, Index(lines[k].toInt()));
        }
    }

    // A budget of 16 tokens' points reads kSampledRuns runs spread over the site, and every
    // point's token is a row of those runs, in the site's numbering.
    void a_bounded_sample_reads_spread_runs() {
        const Dump dump = Dump::open(test::analysis_fixture("io-curve.h5"));
        const Index d = 64, budget = 16 * d;
        const IoCurveSample sample = sample_io_curve(dump, 1, budget);
        QVERIFY(sample.sampled());
        QCOMPARE(sample.tokens_read, Index(16));
        QCOMPARE(sample.n_tokens, Index(300));
        const auto runs = sampled_runs(300, 16);
        QCOMPARE(runs.size(), std::size_t(kSampledRuns));
        QCOMPARE(runs.back().first, Index(7 * (300 / 8)));
        for (Index j = 0; j < sample.points.token.size(); ++j) {
            const Index token = sample.points.token(j);
            QVERIFY2(std::any_of(runs.begin(), runs.end(),
                                 [&](const auto& run) {
                                     return token >= run.first && token < run.first + run.second;
                                 }),
                     qPrintable(QString::number(token)));
        }
        QVERIFY(sampled_runs(0, 16).empty());
    }

    // Constant rows with ε = 0 have no standardization: 300 tokens read, no point.
    void a_site_without_standardizable_tokens_has_no_fit() {
        const Dump dump = Dump::open(test::analysis_fixture("io-curve.h5"));
        const IoCurveSample sample = sample_io_curve(dump, 4);
        QCOMPARE(sample.tokens_read, Index(300));
        QCOMPARE(sample.fit.points, Index(0));
        QVERIFY(std::isnan(sample.fit.alpha));
        QVERIFY(sample.lines.empty());
        try {
            sample_io_curve(dump, 9);
            QFAIL("a missing site accepted");
        } catch (const RequestError& error) {
            QVERIFY2(QString(error.what()).contains("io-curve.h5") &&
                         QString(error.what()).contains("has no site 9"),
                     error.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestIoCurve)
#include "test_io_curve.moc"
