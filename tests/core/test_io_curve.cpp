// The LayerNorm input–output curve (core/analysis/io_curve): the points against the definition,
// the tanh fit against numpy's least squares and an exact case, and the density grid.
#include <QTest>
#include <cmath>

#include "core/analysis/io_curve.h"
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
};

QTEST_APPLESS_MAIN(TestIoCurve)
#include "test_io_curve.moc"
