// The γ-ellipsoid view on a dump with planted massive activations and a non-constant γ: it
// draws the ellipsoid's surface and the tokens' outputs, the most occupied axis is the one the
// planted tokens sit on, a click selects a token and the selection is marked; the d = 3
// teaching mode draws the ellipse the user's γ and β make.
#include <QSignalSpy>
#include <QtTest>

#include <memory>

#include "tests/widgets/image_checks.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/scene_points.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"
#include "widgets/ellipsoid/ellipsoid_view.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

const QString kPlanted = QStringLiteral(LNGEOM_TEST_OUTPUT_DIR "/analysis-fixtures/massive.h5");

// The surface's translucent blue over the dark background.
bool isSurfaceBlue(const QColor& c) { return c.blue() > c.red() + 25 && c.blue() > 60; }
bool isMarkerYellow(const QColor& c) { return c.red() > 200 && c.green() > 190 && c.blue() < 110; }
bool isEllipseOrange(const QColor& c) {
    return c.red() > 200 && c.green() > 100 && c.green() < 180 && c.blue() < 90;
}

}  // namespace

class TestEllipsoidView : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() {
        document_ = lngeom::test::loadDocument(kPlanted);
        QVERIFY(document_);
        document_->setCurrentSite(2);
        view_ = std::make_unique<EllipsoidView>();
        view_->resize(900, 760);
        QSignalSpy shown(view_.get(), &EllipsoidView::pictureShown);
        view_->setDocument(document_.get());
        view_->show();
        QVERIFY(QTest::qWaitForWindowExposed(view_.get()));
        QVERIFY(shown.count() > 0 || shown.wait(30000));
        QVERIFY(QTest::qWaitFor([&] { return view_->sceneView()->renderCount() > 0; }, 5000));
    }

    void drawsTheEllipsoidAndTheOutputs() {
        const auto picture = view_->shownPicture();
        QCOMPARE(picture->points.rows(), Index(256));
        QCOMPARE(picture->axis_index[0], Index(62));  // the largest of d − 1 = 63
        const QImage image = view_->sceneView()->grabImage();
        lngeom::test::saveTestImage(image, "ellipsoid-view-largest");
        lngeom::test::saveTestImage(view_->grab().toImage(), "ellipsoid-view-widget");
        const double pixels = double(image.width()) * image.height();
        QVERIFY2(test::countPixels(image, isSurfaceBlue) > 0.05 * pixels,
                 qPrintable(QString::number(test::countPixels(image, isSurfaceBlue))));
        const QString summary = view_->summaryText();
        QVERIFY2(summary.contains("semi-axes sₖ (63): min"), qPrintable(summary));
        QVERIFY(summary.contains("hyperplane nᵀz = 0, n = γ⁻¹: cos φ = "));
        QVERIFY(summary.contains("256 tokens"));
    }

    // The first token of every sequence carries 2500 in dimension 7 and −1800 in 42: its output
    // is nearly fixed, mostly on the axes those dimensions span, which few other tokens occupy.
    void mostOccupiedAxesHoldThePlantedTokens() {
        QSignalSpy shown(view_.get(), &EllipsoidView::pictureShown);
        EllipsoidSettings settings = view_->settings();
        settings.axes = AxisChoice::MostOccupied;
        view_->setSettings(settings);
        QVERIFY(shown.wait(30000));
        const auto picture = view_->shownPicture();
        const auto row = [&](Index token) {
            return Index(std::find(picture->tokens.begin(), picture->tokens.end(), token) -
                         picture->tokens.begin());
        };
        for (const Index first : {0, 32, 64, 224})
            QVERIFY2(picture->occupancy.row(row(first)).sum() > 0.75f,
                     qPrintable(QString::number(picture->occupancy.row(row(first)).sum())));
        QVERIFY(picture->occupancy.row(row(5)).sum() < 0.3f);
        lngeom::test::saveTestImage(view_->sceneView()->grabImage(), "ellipsoid-view-occupied");
        view_->setSettings(EllipsoidSettings{});
        QVERIFY(shown.wait(30000));
    }

    void aClickSelectsATokenAndTheSelectionIsMarked() {
        const auto picture = view_->shownPicture();
        QTest::qWait(100);
        const std::size_t row = test::loneliestPoint(view_->sceneView(), picture->points);
        const QPoint where =
            test::screenPosition(view_->sceneView(), picture->points.row(Index(row)).transpose());
        QSignalSpy changed(document_->selection(), &TokenSelection::changed);
        QTest::mouseClick(view_->sceneView(), Qt::LeftButton, {}, where);
        QVERIFY(changed.count() > 0 || changed.wait(2000));
        QCOMPARE(document_->selection()->set().to_vector(),
                 std::vector<Index>{picture->tokens[row]});
        QTest::qWait(100);
        const QImage image = view_->sceneView()->grabImage();
        lngeom::test::saveTestImage(image, "ellipsoid-view-picked");
        QVERIFY(test::countPixels(image, isMarkerYellow) > 20);
    }

    void teachingModeDrawsTheEllipseOfTheUsersGammaAndBeta() {
        EllipsoidSettings settings = view_->settings();
        settings.teaching = true;
        settings.teachingGamma = Eigen::Vector3d(0.5, 1.0, 2.0);
        view_->setSettings(settings);
        QTest::qWait(100);
        const QImage image = view_->sceneView()->grabImage();
        lngeom::test::saveTestImage(image, "ellipsoid-view-teaching");
        lngeom::test::saveTestImage(view_->grab().toImage(), "ellipsoid-view-teaching-widget");
        QVERIFY2(test::countPixels(image, isEllipseOrange) > 200,
                 qPrintable(QString::number(test::countPixels(image, isEllipseOrange))));
        QVERIFY2(view_->summaryText().startsWith("d = 3: the circle"),
                 qPrintable(view_->summaryText()));
        QVERIFY(view_->summaryText().contains("semi-axes sₖ (2)"));
        settings.teachingGamma = Eigen::Vector3d::Constant(1.5);
        view_->setSettings(settings);
        QVERIFY2(view_->summaryText().contains("cos φ = 1 (0° from 1⊥)"),
                 qPrintable(view_->summaryText()));
        QCOMPARE(view_->tokenAt(QPoint(10, 10)), Index(-1));
        view_->setSettings(EllipsoidSettings{});
    }

    void cleanupTestCase() {
        view_.reset();
        document_.reset();
    }

  private:
    std::unique_ptr<DumpDocument> document_;
    std::unique_ptr<EllipsoidView> view_;
};

LNGEOM_WIDGETS_TEST_MAIN(TestEllipsoidView)
#include "test_ellipsoid_view.moc"
