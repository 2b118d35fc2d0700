// The step-through on the sample: it walks the selected tokens (at most eight; token 0 when none
// is selected), each token's numbers agree with the metrics pass, every step shows its formula
// and each token's norms (checked against the vectors computed here from the dump), the picture
// draws both paths, Play advances, the d = 3 teaching mode is exact and its tip follows a mouse
// drag, and a vector without direction ⊥ 1 (in R³ or in a dump) is named, not drawn as NaN.
#include <vtkCamera.h>
#include <vtkRenderer.h>
#include <QDoubleSpinBox>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>
#include <numeric>

#include "core/columns/column_blocks.h"
#include "core/metrics/metrics.h"
#include "tests/widgets/image_checks.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"
#include "widgets/step_through/step_through_panel.h"
#include "widgets/step_through/walk_text.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

constexpr Index kToken = 37;
constexpr SiteIndex kSite = 2;
// metric-fixtures/metrics-float32.h5, site 001: token 4 is zero, token 5 constant.
const QString kDegenerate =
    QStringLiteral(LNGEOM_TEST_OUTPUT_DIR "/metric-fixtures/metrics-float32.h5");

// The token's vector after each LayerNorm step, computed here from the dump's definitions.
std::vector<Eigen::VectorXd> layerNormSteps(const Dump& dump, SiteIndex site, Index token) {
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
// The second token's colour (96, 204, 96), lit.
bool isGreen(const QColor& c) {
    return c.green() > 140 && c.red() < c.green() - 60 && c.blue() < 130;
}

// The line of the step text about `token` (its colour swatch, "token 37 “the”: c = …").
QString lineOf(const QString& text, Index token) {
    const QRegularExpression start(QStringLiteral("^[\\s\\x{00A0}]*token %1[ :]").arg(token));
    for (const QString& line : text.split(QLatin1Char('\n')))
        if (start.match(line).hasMatch()) return line;
    return {};
}

bool close(double actual, double expected, double tolerance) {
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

std::array<double, 3> cameraPosition(VtkViewWidget* scene) {
    std::array<double, 3> position{};
    scene->renderer()->GetActiveCamera()->GetPosition(position.data());
    return position;
}

}  // namespace

class TestStepThroughPanel : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() {
        document_ = lngeom::test::loadSample("sample-layernorm.h5");
        QVERIFY(document_);
        document_->setCurrentSite(kSite);
        panel_ = std::make_unique<StepThroughPanel>();
        panel_->resize(900, 900);
        panel_->setDocument(document_.get());
        panel_->show();
        QVERIFY(QTest::qWaitForWindowExposed(panel_.get()));
        select({kToken});
    }

    void numbersAgreeWithTheMetricsPass() {
        QCOMPARE(panel_->tokens(), std::vector<Index>{kToken});
        checkNumbers(0, kToken);
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
        panel_->setStep(step);
        QCOMPARE(panel_->step(), step);
        const QString text = panel_->stepText();
        QVERIFY2(text.contains(QStringLiteral("LayerNorm, step %1 of 4").arg(step)),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("RMSNorm, step %1 of 4").arg(step)),
                 qPrintable(text));
        QVERIFY2(text.contains(layerNormFormula), qPrintable(text));
        QVERIFY2(text.contains(rmsNormFormula), qPrintable(text));
        checkStepNorm(0, kToken, step);
        if (step == 3) {
            const double root_d = std::sqrt(double(panel_->walk()->numbers.d));
            QVERIFY(std::abs(panel_->walk()->layer_norm[3].norm - root_d) < 1e-3 * root_d);
        }

        QTest::qWait(50);
        const QImage image = panel_->sceneView()->grabImage();
        lngeom::test::saveTestImage(image, QStringLiteral("step-through-%1").arg(step));
        lngeom::test::saveTestImage(panel_->grab().toImage(),
                                    QStringLiteral("step-through-panel-%1").arg(step));
        // At step 0 both paths draw the same x, one over the other; the unit vectors of step 2
        // are short next to the √d sphere.
        const int minimum = step == 2 ? 15 : 150;
        const int orange = test::countPixels(image, isOrange),
                  cyan = test::countPixels(image, isCyan);
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

    // Each selected token is walked with its own numbers, a line each, in its own colour.
    void walksSeveralTokensEachWithItsNumbers() {
        const std::vector<Index> tokens{3, 12, kToken, 200, 511};
        select(tokens);
        QCOMPARE(panel_->tokens(), tokens);
        QCOMPARE(panel_->walked().size(), tokens.size());
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            QCOMPARE(panel_->walked()[i].token, tokens[i]);
            for (std::size_t j = 0; j < i; ++j)
                QVERIFY(panel_->walked()[i].colour != panel_->walked()[j].colour);
            checkNumbers(i, tokens[i]);
        }
        for (int step = 0; step < kWalkStageCount; ++step) {
            panel_->setStep(step);
            for (std::size_t i = 0; i < tokens.size(); ++i) checkStepNorm(i, tokens[i], step);
        }
        panel_->setStep(3);
        QVERIFY2(panel_->headingText().contains(QStringLiteral("5 tokens")),
                 qPrintable(panel_->headingText()));
        QTest::qWait(50);
        const QImage image = panel_->sceneView()->grabImage();
        lngeom::test::saveTestImage(panel_->grab().toImage(), "step-through-several-tokens");
        const int orange = test::countPixels(image, isOrange),
                  green = test::countPixels(image, isGreen);
        QVERIFY2(orange > 100 && green > 100,
                 qPrintable(QStringLiteral("orange %1, green %2").arg(orange).arg(green)));
    }

    void walksAtMostEightTokensAndToken0WhenNoneIsSelected() {
        std::vector<Index> twenty(20);
        std::iota(twenty.begin(), twenty.end(), Index(100));
        select(twenty);
        QCOMPARE(panel_->tokens(), std::vector<Index>(twenty.begin(), twenty.begin() + 8));
        QCOMPARE(panel_->walked().size(), kMaxWalkedTokens);
        QVERIFY2(panel_->headingText().contains(QStringLiteral("the first 8 of the 20 selected")),
                 qPrintable(panel_->headingText()));
        for (Index token : panel_->tokens())
            QVERIFY2(!lineOf(panel_->stepText(), token).isEmpty(), qPrintable(panel_->stepText()));
        QVERIFY(lineOf(panel_->stepText(), 108).isEmpty());

        select({});
        QCOMPARE(panel_->tokens(), std::vector<Index>{0});
        QVERIFY2(panel_->headingText().contains(QStringLiteral("nothing selected, so token 0")),
                 qPrintable(panel_->headingText()));
        checkNumbers(0, 0);
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
            QStringLiteral("LayerNorm ‖·‖ = %1").arg(walkNumber(std::sqrt(3.0)))));
        QTest::qWait(50);
        lngeom::test::saveTestImage(panel_->grab().toImage(), "step-through-teaching");
    }

    // A press on x's tip grabs it: the drag moves x (not the camera), the numbers and the spin
    // boxes follow, and the tip ends under the mouse.
    void draggingTheTipMovesXAndItsNumbers() {
        panel_->setTeachingVector(Eigen::Vector3d(0.4, 0.9, 1.7));
        panel_->setStep(1);
        VtkViewWidget* scene = panel_->sceneView();
        QTest::qWait(50);
        lngeom::test::saveTestImage(panel_->grab().toImage(), "step-through-teaching-before-drag");
        const auto camera = cameraPosition(scene);
        const QPoint from = panel_->teachingTipOnScreen().toPoint();
        QVERIFY2(scene->rect().adjusted(20, 20, -20, -20).contains(from),
                 qPrintable(QStringLiteral("%1, %2").arg(from.x()).arg(from.y())));
        const QPoint to = from + QPoint(-120, 90);
        QTest::mousePress(scene, Qt::LeftButton, {}, from);
        for (int i = 1; i <= 6; ++i) QTest::mouseMove(scene, from + (to - from) * i / 6);
        QTest::mouseRelease(scene, Qt::LeftButton, {}, to);

        QCOMPARE(cameraPosition(scene), camera);
        const Eigen::Vector3d x = *panel_->teachingVector();
        QVERIFY((x - Eigen::Vector3d(0.4, 0.9, 1.7)).norm() > 0.3);
        const QPointF tip = panel_->teachingTipOnScreen();
        QVERIFY2(std::abs(tip.x() - to.x()) < 2 && std::abs(tip.y() - to.y()) < 2,
                 qPrintable(QStringLiteral("%1, %2").arg(tip.x()).arg(tip.y())));
        const auto boxes = panel_->findChildren<QDoubleSpinBox*>();
        QCOMPARE(boxes.size(), 3);
        for (int i = 0; i < 3; ++i) QVERIFY(std::abs(boxes[i]->value() - x(i)) < 1e-3);
        const WalkNumbers& numbers = panel_->walk()->numbers;
        QVERIFY(close(numbers.uniform_component, x.sum() / std::sqrt(3.0), 1e-12));
        QVERIFY(close(numbers.orthogonal_norm, (x.array() - x.mean()).matrix().norm(), 1e-12));
        QVERIFY2(panel_->stepText().contains(walkNumber(numbers.uniform_component)),
                 qPrintable(panel_->stepText()));
        QVERIFY(panel_->headingText().contains(walkNumber(x(0))));
        QTest::qWait(50);
        lngeom::test::saveTestImage(panel_->grab().toImage(), "step-through-teaching-after-drag");

        // Away from the tip, the same gesture turns the camera and leaves x alone.
        QTest::mousePress(scene, Qt::LeftButton, {}, QPoint(30, 30));
        QTest::mouseMove(scene, QPoint(150, 90));
        QTest::mouseRelease(scene, Qt::LeftButton, {}, QPoint(150, 90));
        QVERIFY(cameraPosition(scene) != camera);
        QCOMPARE(*panel_->teachingVector(), x);
    }

    void aVectorOnThe1AxisIsNamedNotDrawn() {
        QSignalSpy failed(panel_.get(), &StepThroughPanel::failed);
        panel_->setTeachingVector(Eigen::Vector3d(2.0, 2.0, 2.0));
        QCOMPARE(failed.count(), 1);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("x = (2, 2, 2) lies on the 1 axis: x⊥ = 0")),
                 qPrintable(message));
        QVERIFY(!panel_->walk());
        QVERIFY2(panel_->stepText().contains(message), qPrintable(panel_->stepText()));
        QVERIFY(!panel_->stepText().contains(QStringLiteral("nan"), Qt::CaseInsensitive));
        // The tip stays where it can be dragged off the axis.
        QVERIFY(scene()->rect().contains(panel_->teachingTipOnScreen().toPoint()));

        QSignalSpy shown(panel_.get(), &StepThroughPanel::walkShown);
        panel_->setTeachingVector(std::nullopt);
        QVERIFY(shown.wait(10000));
        QCOMPARE(panel_->walk()->numbers.d, document_->info().sites[kSite].d);
    }

    // A zero and a constant token beside a good one: the good one is walked, the others say
    // which file, dataset and token, and why.
    void aTokenWithoutDirectionIsNamedNotDrawn() {
        auto document = lngeom::test::loadDocument(kDegenerate);
        QVERIFY(document);
        document->setCurrentSite(1);
        StepThroughPanel panel;
        panel.resize(700, 600);
        panel.setDocument(document.get());
        QSignalSpy shown(&panel, &StepThroughPanel::walkShown);
        const std::vector<Index> tokens{3, 4, 5};
        document->selection()->setTokens(tokens);
        QVERIFY(shown.wait(10000));
        QVERIFY(panel.walked()[0].walk);
        const QString text = panel.stepText();
        for (Index token : {4, 5}) {
            const WalkedToken& walked = panel.walked()[std::size_t(token - 3)];
            QVERIFY(!walked.walk);
            QVERIFY2(walked.failure.contains(
                         QStringLiteral("metrics-float32.h5: /norms/001/input: token %1: the "
                                        "token's vector is constant, zero or not finite")
                             .arg(token)),
                     qPrintable(walked.failure));
            QVERIFY2(lineOf(text, token).contains(walked.failure), qPrintable(text));
        }
        QVERIFY(!text.contains(QStringLiteral("nan"), Qt::CaseInsensitive));

        QSignalSpy failed(&panel, &StepThroughPanel::failed);
        const Index zero = 4;
        document->selection()->setTokens(std::span<const Index>(&zero, 1));
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("token 4:")));
        QVERIFY(!panel.walk());
    }

    void cleanupTestCase() {
        panel_.reset();
        document_.reset();
    }

  private:
    VtkViewWidget* scene() const { return panel_->sceneView(); }

    void select(const std::vector<Index>& tokens) {
        QSignalSpy shown(panel_.get(), &StepThroughPanel::walkShown);
        document_->selection()->setTokens(tokens);
        QVERIFY(shown.wait(10000));
    }

    // The i-th walked token's numbers against the metrics pass, and on its line of the text.
    void checkNumbers(std::size_t i, Index token) {
        const auto columns = document_->metrics().columns(kSite);
        const WalkNumbers& numbers = panel_->walked()[i].walk->numbers;
        const auto expect = [&](double actual, Metric metric) {
            return close(actual, value_at(*columns, metric, token), 1e-5);
        };
        QVERIFY(expect(numbers.uniform_component, Metric::UniformComponent));
        QVERIFY(expect(numbers.sigma, Metric::Sigma));
        QVERIFY(expect(numbers.angle_to_uniform_deg, Metric::AngleToUniformDeg));
        QVERIFY(expect(numbers.norm, Metric::Norm));
        QVERIFY(close(numbers.orthogonal_norm, std::sqrt(double(numbers.d)) * numbers.sigma, 1e-9));
        const QString line = lineOf(panel_->stepText(), token);
        for (double value : {numbers.uniform_component, numbers.orthogonal_norm, numbers.sigma,
                             numbers.angle_to_uniform_deg})
            QVERIFY2(line.contains(walkNumber(value)), qPrintable(line));
    }

    // The i-th walked token's LayerNorm vector at `step` against the one computed here.
    void checkStepNorm(std::size_t i, Index token, int step) {
        const auto expected = layerNormSteps(*document_->dump(), kSite, token)[std::size_t(step)];
        const WalkStage& stage = panel_->walked()[i].walk->layer_norm[std::size_t(step)];
        QVERIFY((stage.vector - expected).norm() <= 1e-9 * std::max(1.0, expected.norm()));
        const QString line = lineOf(panel_->stepText(), token);
        QVERIFY2(
            line.contains(QStringLiteral("LayerNorm ‖·‖ = %1").arg(walkNumber(expected.norm()))),
            qPrintable(line));
    }

    std::unique_ptr<DumpDocument> document_;
    std::unique_ptr<StepThroughPanel> panel_;
};

LNGEOM_WIDGETS_TEST_MAIN(TestStepThroughPanel)
#include "test_step_through_panel.moc"
