// The step-through on the sample: it walks the selected token, its numbers agree with the
// metrics pass, every step shows its formula and the norm of its vector (checked against the
// vector computed here from the dump), the picture draws both paths, and Play advances.
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>

#include "core/metrics.h"
#include "tests/widgets/image_checks.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/dump_document.h"
#include "widgets/step_through_panel.h"
#include "widgets/token_selection.h"
#include "widgets/vtk_view_widget.h"
#include "widgets/walk_text.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

const QString kSample = QStringLiteral(LNGEOM_SOURCE_DIR "/data/sample-layernorm.h5");
constexpr Index kToken = 37;

StoreOptions uncachedOptions() {
    StoreOptions options;
    options.use_cache = false;
    return options;
}

// The token's vector after each LayerNorm step, computed here from the dump's definitions.
std::vector<Eigen::VectorXd> layerNormSteps(const Dump& dump, std::size_t site, Index token) {
    RowBlock block;
    dump.read_rows(site, Stream::Input, token, 1, block);
    const Eigen::VectorXd x = std::get<RowMatrixF>(block.rows).row(0).transpose().cast<double>();
    const double d = double(x.size()), eps = dump.info().sites[site].eps;
    const Eigen::VectorXd centred = x.array() - x.mean();
    const double sigma = std::sqrt(centred.squaredNorm() / d);
    const Eigen::VectorXd y = centred / std::sqrt(sigma * sigma + eps);
    Eigen::VectorXd output = y;
    if (auto gamma = dump.read_gamma(site)) output = gamma->cwiseProduct(y);
    if (auto beta = dump.read_beta(site)) output += *beta;
    return {x, centred, centred / centred.norm(), y, output};
}

bool isOrange(const QColor& c) {
    return c.red() > 180 && c.green() > 90 && c.green() < 170 && c.blue() < 80;
}
bool isCyan(const QColor& c) { return c.blue() > 170 && c.green() > 140 && c.red() < 110; }

int countPixels(const QImage& image, bool (*test)(const QColor&)) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) count += test(image.pixelColor(x, y));
    return count;
}

}  // namespace

class TestStepThroughPanel : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() {
        document_ = std::make_unique<DumpDocument>(kSample, QString(), uncachedOptions());
        QSignalSpy ready(document_.get(), &DumpDocument::ready);
        document_->load();
        QVERIFY(ready.wait(30000));
        document_->setCurrentSite(2);
        panel_ = std::make_unique<StepThroughPanel>();
        panel_->resize(900, 900);
        panel_->setDocument(document_.get());
        panel_->show();
        QVERIFY(QTest::qWaitForWindowExposed(panel_.get()));
        QSignalSpy shown(panel_.get(), &StepThroughPanel::walkShown);
        const Index token = kToken;
        document_->selection()->setTokens(std::span<const Index>(&token, 1));
        QVERIFY(shown.wait(10000));
        QCOMPARE(panel_->token(), kToken);
    }

    void numbersAgreeWithTheMetricsPass() {
        const auto columns = document_->metrics().columns(2);
        const WalkNumbers& numbers = panel_->walk()->numbers;
        const auto expect = [&](double actual, Metric metric) {
            const double expected = columns->values(kToken, column_of(metric));
            return std::abs(actual - expected) <= 1e-5 * std::max(1.0, std::abs(expected));
        };
        QVERIFY(expect(numbers.uniform_component, Metric::UniformComponent));
        QVERIFY(expect(numbers.sigma, Metric::Sigma));
        QVERIFY(expect(numbers.angle_to_uniform_deg, Metric::AngleToUniformDeg));
        QVERIFY(expect(numbers.norm, Metric::Norm));
        QVERIFY(std::abs(numbers.orthogonal_norm - std::sqrt(double(numbers.d)) * numbers.sigma) <
                1e-9);
        const QString text = panel_->stepText();
        for (double value : {numbers.uniform_component, numbers.orthogonal_norm, numbers.sigma,
                             numbers.angle_to_uniform_deg})
            QVERIFY2(text.contains(walkNumber(value)), qPrintable(text));
    }

    void eachStepShowsItsFormulaAndNumbers_data() {
        QTest::addColumn<int>("step");
        QTest::addColumn<QString>("layerNormFormula");
        QTest::addColumn<QString>("rmsNormFormula");
        QTest::addRow("x") << 0 << "x"
                           << "x";
        QTest::addRow("x⊥") << 1 << "x⊥ = x − μ·1"
                            << "x";
        QTest::addRow("normalized") << 2 << "x⊥ / ‖x⊥‖"
                                    << "x / ‖x‖";
        QTest::addRow("scaled by √d") << 3 << "y = x⊥ / √(σ² + ε)"
                                      << "r = x / √(rms² + ε)";
        QTest::addRow("gain and bias") << 4 << "γ ⊙ y + β"
                                       << "γ ⊙ r";
    }
    void eachStepShowsItsFormulaAndNumbers() {
        QFETCH(int, step);
        QFETCH(QString, layerNormFormula);
        QFETCH(QString, rmsNormFormula);
        QSignalSpy changed(panel_.get(), &StepThroughPanel::stepChanged);
        panel_->setStep(step);
        QCOMPARE(panel_->step(), step);
        const QString text = panel_->stepText();
        QVERIFY2(text.contains(QStringLiteral("LayerNorm, step %1 of 4").arg(step)),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("RMSNorm, step %1 of 4").arg(step)),
                 qPrintable(text));
        QVERIFY2(text.contains(layerNormFormula), qPrintable(text));
        QVERIFY2(text.contains(rmsNormFormula), qPrintable(text));

        const auto expected = layerNormSteps(*document_->dump(), 2, kToken)[std::size_t(step)];
        const WalkStage& stage = panel_->walk()->layer_norm[std::size_t(step)];
        QVERIFY((stage.vector - expected).norm() <= 1e-9 * std::max(1.0, expected.norm()));
        QVERIFY2(text.contains(QStringLiteral("‖·‖ = %1").arg(walkNumber(expected.norm()))),
                 qPrintable(text));
        if (step == 3) {
            const double root_d = std::sqrt(double(expected.size()));
            QVERIFY(std::abs(expected.norm() - root_d) < 1e-3 * root_d);
        }

        QTest::qWait(50);
        const QImage image = panel_->sceneView()->grabImage();
        lngeom::test::saveTestImage(image, QStringLiteral("step-through-%1").arg(step));
        lngeom::test::saveTestImage(panel_->grab().toImage(),
                                    QStringLiteral("step-through-panel-%1").arg(step));
        // At step 0 both paths draw the same x, one over the other; the unit vectors of step 2
        // are short next to the √d sphere.
        const int minimum = step == 2 ? 15 : 150;
        const int orange = countPixels(image, isOrange), cyan = countPixels(image, isCyan);
        QVERIFY2(step == 0 ? orange + cyan > minimum : orange > minimum && cyan > minimum,
                 qPrintable(QStringLiteral("orange %1, cyan %2").arg(orange).arg(cyan)));
    }

    void playAdvancesTheSteps() {
        panel_->setSettings({0, 40});
        QSignalSpy changed(panel_.get(), &StepThroughPanel::stepChanged);
        panel_->setPlaying(true);
        QVERIFY(QTest::qWaitFor([&] { return changed.count() >= 6; }, 5000));
        panel_->setPlaying(false);
        QCOMPARE(changed.at(0).at(0).toInt(), 1);
        QCOMPARE(changed.at(4).at(0).toInt(), 0);  // wraps around after the last step
    }

    void teachingModeWalksAVectorOfR3Exactly() {
        QSignalSpy shown(panel_.get(), &StepThroughPanel::walkShown);
        panel_->setTeachingVector(Eigen::Vector3d(1.0, 2.0, 6.0));
        QCOMPARE(shown.count(), 1);
        const WalkNumbers& numbers = panel_->walk()->numbers;
        QCOMPARE(numbers.d, Index(3));
        QVERIFY(std::abs(numbers.uniform_component - 9.0 / std::sqrt(3.0)) < 1e-12);
        QVERIFY(std::abs(numbers.sigma - std::sqrt(14.0 / 3.0)) < 1e-12);
        panel_->setStep(3);
        QVERIFY(std::abs(panel_->walk()->layer_norm[3].norm - std::sqrt(3.0)) < 1e-12);
        QVERIFY(panel_->stepText().contains(
            QStringLiteral("‖·‖ = %1").arg(walkNumber(std::sqrt(3.0)))));
        QTest::qWait(50);
        lngeom::test::saveTestImage(panel_->grab().toImage(), "step-through-teaching");

        QSignalSpy failed(panel_.get(), &StepThroughPanel::failed);
        panel_->setTeachingVector(Eigen::Vector3d(2.0, 2.0, 2.0));  // on the 1 axis: no x⊥
        QCOMPARE(failed.count(), 1);

        panel_->setTeachingVector(std::nullopt);
        QVERIFY(shown.wait(10000));
        QCOMPARE(panel_->walk()->numbers.d, document_->info().sites[2].d);
    }

    void cleanupTestCase() {
        panel_.reset();
        document_.reset();
    }

  private:
    std::unique_ptr<DumpDocument> document_;
    std::unique_ptr<StepThroughPanel> panel_;
};

LNGEOM_WIDGETS_TEST_MAIN(TestStepThroughPanel)
#include "test_step_through_panel.moc"
