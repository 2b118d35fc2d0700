// The γ-ellipsoid (core/analysis/ellipsoid_*, secular_equation): both routes to the semi-axes
// against numpy's float64 SVD and a closed form, the interlacing, zero γᵢ, the per-site summary,
// and the per-token occupancy with its identity Σ_k q_{t,k} = ρ_t².
#include <QTest>
#include <cmath>
#include <stdexcept>

#include "core/analysis/ellipsoid_axes.h"
#include "core/analysis/ellipsoid_summary.h"
#include "core/analysis/ellipsoid_tokens.h"
#include "core/analysis/secular_equation.h"
#include "tests/core/test_analysis_fixtures.h"

using namespace lngeom;

namespace {

QJsonArray cases() { return test::analysis_json("ellipsoid-cases.json").value("cases").toArray(); }

NormKind kind_of(const QJsonObject& c) {
    return c.value("kind").toString() == "rmsnorm" ? NormKind::RmsNorm : NormKind::LayerNorm;
}

// Axis k's direction is determined (up to sign) only when its length is apart from its
// neighbours'.
bool well_separated(const Eigen::VectorXd& lengths, Index k) {
    const double scale = lengths.maxCoeff(), gap = 1e-6 * scale;
    const bool below = k == 0 || lengths(k) - lengths(k - 1) > gap;
    const bool above = k + 1 == lengths.size() || lengths(k + 1) - lengths(k) > gap;
    return below && above;
}

void compare_lengths(const Eigen::VectorXd& actual, const Eigen::VectorXd& expected,
                     const char* route, const QString& name) {
    QCOMPARE(actual.size(), expected.size());
    const double tolerance = 1e-11 * expected.maxCoeff();
    for (Index k = 0; k < expected.size(); ++k)
        QVERIFY2(test::near(actual(k), expected(k), tolerance),
                 qPrintable(QString("%1, %2: s_%3 = %4, numpy %5")
                                .arg(name, route)
                                .arg(k)
                                .arg(actual(k), 0, 'g', 17)
                                .arg(expected(k), 0, 'g', 17)));
}

}  // namespace

class TestGammaEllipsoid : public QObject {
    Q_OBJECT

  private slots:
    void both_routes_match_numpy_svd() {
        for (const QJsonValue& value : cases()) {
            const QJsonObject c = value.toObject();
            if (kind_of(c) != NormKind::LayerNorm) continue;
            const QString name = c.value("name").toString();
            const Eigen::VectorXd gamma = test::vector_of(c.value("gamma"));
            const Eigen::VectorXd expected = test::vector_of(c.value("lengths"));
            const EllipsoidAxes svd = layer_norm_axes_by_svd(gamma);
            const EllipsoidAxes secular = layer_norm_axes_by_secular(gamma);
            compare_lengths(svd.lengths, expected, "SVD", name);
            compare_lengths(secular.lengths, expected, "secular equation", name);
            QCOMPARE(interlacing_violation(gamma, svd.lengths), Index(-1));
            QCOMPARE(interlacing_violation(gamma, secular.lengths), Index(-1));
            const RowMatrixD directions = test::matrix_of(c.value("directions"));
            for (Index k = 0; k < expected.size(); ++k) {
                // A zero axis points anywhere in the span of its zero γᵢ's coordinates.
                if (!well_separated(expected, k) || expected(k) < 1e-9) continue;
                const Eigen::VectorXd numpy = directions.row(k).transpose();
                QVERIFY2(std::abs(secular.directions.col(k).dot(numpy)) > 1 - 1e-9,
                         qPrintable(name + QString(": direction %1").arg(k)));
                QVERIFY2(std::abs(svd.directions.col(k).dot(numpy)) > 1 - 1e-9,
                         qPrintable(name + QString(": SVD direction %1").arg(k)));
            }
        }
    }

    // The secular directions are orthonormal and lie in the image of 1⊥ under G: each v_k is
    // orthogonal to the normal n = G⁻¹·1 (when no γᵢ is zero).
    void secular_directions_are_orthonormal_and_in_the_hyperplane() {
        for (const QJsonValue& value : cases()) {
            const QJsonObject c = value.toObject();
            const QString name = c.value("name").toString();
            if (kind_of(c) != NormKind::LayerNorm) continue;
            const Eigen::VectorXd gamma = test::vector_of(c.value("gamma"));
            const EllipsoidAxes axes = layer_norm_axes_by_secular(gamma);
            const Eigen::MatrixXd gram = axes.directions.transpose() * axes.directions;
            const double error =
                (gram - Eigen::MatrixXd::Identity(gram.rows(), gram.cols())).cwiseAbs().maxCoeff();
            QVERIFY2(error < 1e-9, qPrintable(name + QString(": |VᵀV − I| = %1").arg(error)));
            if ((gamma.array() == 0).any()) continue;
            const Eigen::VectorXd normal = gamma.cwiseInverse().normalized();
            QVERIFY2((axes.directions.transpose() * normal).cwiseAbs().maxCoeff() < 1e-9,
                     qPrintable(name));
        }
    }

    // γ = a on m coordinates and b on the other d − m: m − 1 axes √d·|a|, d − m − 1 axes √d·|b|
    // and one root of m/(a² − μ) + (d − m)/(b² − μ) = 0, μ = (m·b² + (d − m)·a²)/d.
    void two_valued_gamma_has_the_closed_form_spectrum() {
        const Index d = 40, m = 13;
        const double a = 0.5, b = -2.0;  // a sign does not change the axes
        Eigen::VectorXd gamma(d);
        for (Index i = 0; i < d; ++i) gamma(i) = (i * 7) % d < m ? a : b;
        const double root_d = std::sqrt(double(d));
        const double mu = (m * b * b + (d - m) * a * a) / d;
        Eigen::VectorXd expected(d - 1);
        expected.head(m - 1).setConstant(root_d * std::abs(a));
        expected(m - 1) = std::sqrt(d * mu);
        expected.tail(d - m - 1).setConstant(root_d * std::abs(b));
        compare_lengths(layer_norm_axes_by_secular(gamma).lengths, expected, "secular", "two");
        compare_lengths(layer_norm_axes_by_svd(gamma).lengths, expected, "SVD", "two values");
        const SecularEquation equation(gamma);
        QVERIFY(equation.root(0).repeated);
        QVERIFY(!equation.root(m - 1).repeated);
    }

    // One zero γᵢ leaves every axis positive (the outputs lie in eᵢ⊥ and the hyperplane tilts
    // to it); m ≥ 2 zeros give m − 1 zero axes along those coordinates.
    void zero_gammas_are_handled_and_counted() {
        Eigen::VectorXd gamma = Eigen::VectorXd::LinSpaced(12, 0.5, 1.6);
        gamma(4) = 0;
        EllipsoidSummary one =
            summarize_ellipsoid(NormKind::LayerNorm, gamma, Eigen::VectorXd::Zero(12));
        QCOMPARE(one.zero_gammas, Index(1));
        QCOMPARE(one.zero_axes, Index(0));
        QVERIFY(one.axes_min > 0.1);
        QCOMPARE(one.tilt_cos, 1 / std::sqrt(12.0));
        gamma(9) = 0;
        const EllipsoidAxes axes = layer_norm_axes_by_secular(gamma);
        QCOMPARE(axes.lengths(0), 0.0);
        QVERIFY(axes.lengths(1) > 0.1);
        const Eigen::VectorXd zero_axis = axes.directions.col(0).cwiseAbs();
        QCOMPARE(zero_axis(4) + zero_axis(9), 1.0);  // a coordinate axis of a zero γᵢ
        EllipsoidSummary two =
            summarize_ellipsoid(NormKind::LayerNorm, gamma, Eigen::VectorXd::Zero(12));
        QCOMPARE(two.zero_axes, Index(1));
        QVERIFY(std::isinf(two.anisotropy));
        QVERIFY(std::isnan(two.tilt_cos));
    }

    void summary_matches_numpy() {
        for (const QJsonValue& value : cases()) {
            const QJsonObject c = value.toObject();
            const QString name = c.value("name").toString();
            const QJsonObject expected = c.value("summary").toObject();
            const EllipsoidSummary summary = summarize_ellipsoid(
                kind_of(c), test::vector_of(c.value("gamma")), test::vector_of(c.value("beta")));
            const double scale = expected.value("axes_max").toDouble();
            const auto check = [&](double actual, const char* key, double tolerance) {
                const double wanted = test::number_of(expected.value(key));
                QVERIFY2(test::near(actual, wanted, tolerance),
                         qPrintable(QString("%1: %2 = %3, numpy %4")
                                        .arg(name, key)
                                        .arg(actual, 0, 'g', 17)
                                        .arg(wanted, 0, 'g', 17)));
            };
            QCOMPARE(summary.axis_count, Index(expected.value("axis_count").toInt()));
            QCOMPARE(summary.zero_gammas, Index(expected.value("zero_gammas").toInt()));
            QCOMPARE(summary.zero_axes, Index(expected.value("zero_axes").toInt()));
            check(summary.axes_min, "axes_min", 1e-11 * scale);
            check(summary.axes_median, "axes_median", 1e-11 * scale);
            check(summary.axes_max, "axes_max", 1e-11 * scale);
            check(summary.effective_axes, "effective_axes", 1e-9);
            check(summary.tilt_cos, "tilt_cos", 1e-12);
            check(summary.beta_offplane, "beta_offplane", 1e-12);
            check(summary.beta_inplane, "beta_inplane", 1e-12);
            check(summary.beta_uniform, "beta_uniform", 1e-12);
            if (summary.zero_axes == 0)
                QVERIFY(std::abs(summary.anisotropy - summary.axes_max / summary.axes_min) <
                        1e-12 * summary.anisotropy);
        }
    }

    // y against torch's layer_norm / RMSNorm, ρ_t against numpy, q_{t,k} against numpy's SVD,
    // and Σ_k q_{t,k} = ρ_t² for every token, by both routes and by the streamed mean.
    void occupancy_matches_numpy_and_sums_to_rho_squared() {
        for (const QJsonValue& value : cases()) {
            const QJsonObject c = value.toObject();
            const QString name = c.value("name").toString();
            const NormKind kind = kind_of(c);
            const Eigen::VectorXd gamma = test::vector_of(c.value("gamma"));
            const RowMatrixD y = standardize_rows(kind, test::matrix_of(c.value("tokens")),
                                                  c.value("eps").toDouble());
            const RowMatrixD numpy_y = test::matrix_of(c.value("standardized"));
            QVERIFY2((y - numpy_y).cwiseAbs().maxCoeff() < 1e-12 * numpy_y.cwiseAbs().maxCoeff(),
                     qPrintable(name));
            const Eigen::VectorXd rho = shell_radii(y);
            QVERIFY((rho - test::vector_of(c.value("radii"))).cwiseAbs().maxCoeff() < 1e-13);
            const RowMatrixD z = y * gamma.asDiagonal();
            const EllipsoidAxes axes = kind == NormKind::RmsNorm
                                           ? rms_norm_axes(gamma)
                                           : layer_norm_axes_by_secular(gamma);
            const RowMatrixD q = axis_occupancy(z, axes);
            const bool has_zero_axis =
                (gamma.array() == 0).count() >= (kind == NormKind::RmsNorm ? 1 : 2);
            for (Index t = 0; t < q.rows(); ++t) {
                const double total =
                    q.row(t).unaryExpr([](double v) { return std::isnan(v) ? 0.0 : v; }).sum();
                if (!has_zero_axis)
                    QVERIFY2(std::abs(total - rho(t) * rho(t)) < 1e-12,
                             qPrintable(QString("%1: token %2: Σq = %3, ρ² = %4")
                                            .arg(name)
                                            .arg(t)
                                            .arg(total, 0, 'g', 17)
                                            .arg(rho(t) * rho(t), 0, 'g', 17)));
                else
                    QVERIFY(total <= rho(t) * rho(t) + 1e-12);
            }
            if (kind != NormKind::LayerNorm) continue;
            const RowMatrixD numpy_q = test::matrix_of(c.value("occupancy"));
            for (Index k = 0; k < q.cols(); ++k) {
                if (!well_separated(axes.lengths, k)) continue;
                for (Index t = 0; t < q.rows(); ++t)
                    QVERIFY2(test::near(q(t, k), numpy_q(t, k), 1e-9),
                             qPrintable(QString("%1: q[%2, %3]").arg(name).arg(t).arg(k)));
            }
            const Eigen::VectorXd mean = mean_axis_occupancy(SecularEquation(gamma), z);
            for (Index k = 0; k < mean.size(); ++k)
                QVERIFY(test::near(mean(k), q.col(k).mean(), 1e-12));
        }
    }

    void bad_gamma_is_refused_with_the_reason() {
        try {
            SecularEquation(Eigen::VectorXd::Ones(1));
            QFAIL("d = 1 accepted");
        } catch (const std::invalid_argument& error) {
            QVERIFY(QString(error.what()).contains("d ≥ 2, got d = 1"));
        }
        Eigen::VectorXd gamma = Eigen::VectorXd::Ones(4);
        gamma(2) = std::nan("");
        try {
            summarize_ellipsoid(NormKind::LayerNorm, gamma, Eigen::VectorXd::Zero(4));
            QFAIL("NaN γ accepted");
        } catch (const std::invalid_argument& error) {
            QVERIFY(QString(error.what()).contains("finite"));
        }
        try {
            summarize_ellipsoid(NormKind::Unknown, Eigen::VectorXd::Ones(4),
                                Eigen::VectorXd::Zero(4));
            QFAIL("unknown kind accepted");
        } catch (const std::invalid_argument& error) {
            QVERIFY(QString(error.what()).contains("LayerNorm or RMSNorm"));
        }
    }
};

QTEST_APPLESS_MAIN(TestGammaEllipsoid)
#include "test_gamma_ellipsoid.moc"
