// One vector walked through LayerNorm and RMSNorm: the token's numbers, every stage's vector
// against the definitions of docs/METRICS.md, and a basis that draws the LayerNorm walk exactly.
#include <Eigen/LU>
#include <QTest>
#include <cmath>
#include <cstdlib>
#include <numbers>

#include "core/errors.h"
#include "core/geometry/normalization_walk.h"

using namespace lngeom;

namespace {

constexpr double kDegrees = 180.0 / std::numbers::pi;

// x = a·1 + δ·v with v ⟂ 1 (alternating ±1, d even): c = a·√d, σ = |δ|, ‖x⊥‖ = |δ|·√d.
Eigen::VectorXd vector_off_axis(Index d, double a, double delta) {
    Eigen::VectorXd x(d);
    for (Index i = 0; i < d; ++i) x(i) = a + (i % 2 ? -delta : delta);
    return x;
}

bool close(double a, double b, double tolerance = 1e-12) {
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

}  // namespace

class TestNormalizationWalk : public QObject {
    Q_OBJECT

  private slots:
    void numbers_and_stages_follow_the_definitions_data() {
        QTest::addColumn<int>("d");
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("delta");
        QTest::addColumn<double>("eps");
        QTest::addRow("near 90°") << 64 << 0.01 << 1.5 << 1e-5;
        QTest::addRow("far from 90°") << 8 << 3.0 << 0.5 << 1e-5;
        QTest::addRow("eps matters") << 16 << -0.2 << 0.01 << 1e-3;
        QTest::addRow("eps = 0") << 4 << 1.0 << 2.0 << 0.0;
    }
    void numbers_and_stages_follow_the_definitions() {
        QFETCH(int, d);
        QFETCH(double, a);
        QFETCH(double, delta);
        QFETCH(double, eps);
        const Eigen::VectorXd x = vector_off_axis(d, a, delta);
        const double root_d = std::sqrt(double(d));
        const NormalizationWalk walk = walk_normalization(x, eps);
        const WalkNumbers& n = walk.numbers;
        QVERIFY(close(n.uniform_component, a * root_d));
        QVERIFY(close(n.sigma, std::abs(delta)));
        QVERIFY(close(n.orthogonal_norm, std::abs(delta) * root_d));
        QVERIFY(close(n.angle_to_uniform_deg, std::atan2(std::abs(delta), a) * kDegrees, 1e-10));
        QVERIFY(close(n.rms, std::sqrt(a * a + delta * delta)));

        QCOMPARE(int(walk.layer_norm.size()), kWalkStageCount);
        QCOMPARE(int(walk.rms_norm.size()), kWalkStageCount);
        const auto& ln = walk.layer_norm;
        QVERIFY((ln[1].vector + ln[1].removed - x).norm() < 1e-12 * x.norm());
        QVERIFY(close(ln[1].removed.norm(), std::abs(n.uniform_component)));
        QVERIFY(close(ln[1].angle_to_uniform_deg, 90.0, 1e-9));
        QVERIFY(close(ln[2].norm, 1.0));
        const double y_norm = root_d / std::sqrt(1 + eps / (delta * delta));
        QVERIFY(close(ln[3].norm, y_norm));
        QVERIFY(close(ln[3].angle_to_uniform_deg, 90.0, 1e-9));
        QVERIFY((ln[4].vector - ln[3].vector).norm() < 1e-15);  // no γ, β: γ = 1, β = 0

        const auto& rms = walk.rms_norm;
        QVERIFY(rms[1].vector == x);
        QVERIFY(close(rms[2].norm, 1.0));
        const double r_norm = root_d / std::sqrt(1 + eps / (n.rms * n.rms));
        QVERIFY(close(rms[3].norm, r_norm));
        QVERIFY(close(rms[3].angle_to_uniform_deg, n.angle_to_uniform_deg, 1e-9));
    }

    void gain_and_bias_are_applied_with_the_sites_convention_data() {
        QTest::addColumn<bool>("one_plus_weight");
        QTest::addRow("γ ⊙ y + β") << false;
        QTest::addRow("(1 + γ) ⊙ y + β") << true;
    }
    void gain_and_bias_are_applied_with_the_sites_convention() {
        QFETCH(bool, one_plus_weight);
        const Eigen::VectorXd x = vector_off_axis(6, 0.3, 1.2);
        NormAffine affine;
        affine.gamma = Eigen::VectorXd::LinSpaced(6, 0.5, 2.0);
        affine.beta = Eigen::VectorXd::LinSpaced(6, -1.0, 1.0);
        affine.convention =
            one_plus_weight ? GammaConvention::OnePlusWeight : GammaConvention::Weight;
        const NormalizationWalk walk = walk_normalization(x, 1e-5, affine);
        const Eigen::VectorXd gain =
            one_plus_weight ? Eigen::VectorXd(affine.gamma->array() + 1.0) : *affine.gamma;
        const Eigen::VectorXd y = walk.layer_norm[3].vector;
        QVERIFY((walk.layer_norm[4].vector - (gain.cwiseProduct(y) + *affine.beta)).norm() < 1e-12);
        QVERIFY((walk.rms_norm[4].vector - gain.cwiseProduct(walk.rms_norm[3].vector)).norm() <
                1e-12);
        QVERIFY(QString::fromStdString(walk.layer_norm[4].formula)
                    .startsWith(one_plus_weight ? "(1 + γ)" : "γ"));
    }

    void the_walk_basis_draws_the_layer_norm_walk_exactly() {
        Eigen::VectorXd x(7);
        x << 0.3, -1.2, 2.5, 0.1, 0.9, -0.4, 1.7;
        NormAffine affine;
        affine.gamma = Eigen::VectorXd::LinSpaced(7, 0.2, 1.8);
        affine.beta = Eigen::VectorXd::LinSpaced(7, 0.4, -0.6);
        const NormalizationWalk walk = walk_normalization(x, 1e-5, affine);
        const BasisAxes axes = walk_basis(walk);
        QVERIFY((axes.transpose() * axes - Eigen::Matrix3d::Identity()).cwiseAbs().maxCoeff() <
                1e-12);
        for (const WalkStage& stage : walk.layer_norm)
            QVERIFY(distance_outside(axes, stage.vector) < 1e-12 * std::max(1.0, stage.norm));
        for (int s = 0; s < 4; ++s)
            QVERIFY(distance_outside(axes, walk.rms_norm[s].vector) <
                    1e-12 * std::max(1.0, walk.rms_norm[s].norm));
        QVERIFY(distance_outside(axes, walk.rms_norm[4].vector) > 0);
    }

    void a_vector_without_direction_is_refused() {
        QVERIFY_THROWS_EXCEPTION(RequestError,
                                 walk_normalization(Eigen::VectorXd::Constant(5, 2.0), 1e-5));
        QVERIFY_THROWS_EXCEPTION(RequestError, walk_normalization(Eigen::VectorXd::Zero(5), 0.0));
    }

    // Several tokens in one picture: the horizontal axes are ⊥ 1, orthonormal, and span the
    // tokens' x⊥ when they are only two; every placed vector keeps its norm and angle to 1.
    void several_walks_share_a_basis_that_keeps_norms_and_angles() {
        const Index d = 40;
        std::vector<NormalizationWalk> walks;
        for (int seed = 0; seed < 2; ++seed) {
            std::srand(unsigned(seed + 3));
            walks.push_back(
                walk_normalization((Eigen::VectorXd::Random(d).array() + 0.3).matrix(), 1e-5));
        }
        const BasisAxes axes = shared_walk_basis({&walks[0], &walks[1]});
        QVERIFY((axes.transpose() * axes - Eigen::Matrix3d::Identity()).cwiseAbs().maxCoeff() <
                1e-12);
        QVERIFY(std::abs(axes.col(0).sum()) < 1e-12 && std::abs(axes.col(1).sum()) < 1e-12);
        QVERIFY(close(axes.col(2).norm(), 1.0) && close(axes(0, 2), 1.0 / std::sqrt(double(d))));
        for (const NormalizationWalk& walk : walks) {
            QVERIFY(distance_outside(axes, walk.layer_norm[1].vector) <
                    1e-12 * walk.layer_norm[1].norm);
            for (const auto* path : {&walk.layer_norm, &walk.rms_norm})
                for (const WalkStage& stage : *path) {
                    const Eigen::Vector3d placed = walk_placement(axes, stage.vector);
                    QVERIFY(close(placed.norm(), stage.norm, 1e-12));
                    QVERIFY(close(std::atan2(placed.head<2>().norm(), placed.z()) * kDegrees,
                                  stage.angle_to_uniform_deg, 1e-9));
                }
        }
        QVERIFY_THROWS_EXCEPTION(RequestError, shared_walk_basis({}));
    }

    void one_walk_shares_its_own_basis() {
        const NormalizationWalk walk = walk_normalization(vector_off_axis(6, 0.5, 1.0), 1e-5);
        QCOMPARE(shared_walk_basis({&walk}), walk_basis(walk));
        // Parallel x⊥ (same direction, other scale and offset): nothing for a second axis.
        const NormalizationWalk parallel = walk_normalization(vector_off_axis(6, -2.0, 3.0), 0.0);
        QCOMPARE(shared_walk_basis({&walk, &parallel}), walk_basis(walk));
    }

    // The d = 3 basis is a rotation of R³ with û vertical: a vector's placement is exact.
    void the_r3_basis_is_a_rotation_with_u_vertical() {
        const BasisAxes axes = r3_walk_basis();
        QVERIFY((axes.transpose() * axes - Eigen::Matrix3d::Identity()).cwiseAbs().maxCoeff() <
                1e-15);
        QVERIFY(close(Eigen::Matrix3d(axes).determinant(), 1.0));
        const Eigen::Vector3d x(1.0, 2.0, 6.0);
        QVERIFY((walk_placement(axes, x) - axes.transpose() * x).norm() < 1e-14);
        QVERIFY(close(walk_placement(axes, x).z(), 9.0 / std::sqrt(3.0)));
    }
};

QTEST_APPLESS_MAIN(TestNormalizationWalk)
#include "test_normalization_walk.moc"
