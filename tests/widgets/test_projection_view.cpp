// The projection view on the sample: it draws the sphere, the 1 axis, the disc and the points,
// true radius puts every y on the √d sphere, a click selects the token under the mouse, colour by
// layer draws every site of a kind, a drag renders at reduced resolution until it ends, and a
// new site reloads the points.
#include <vtkActor2DCollection.h>
#include <vtkCoordinate.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>

#include "tests/widgets/image_checks.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/scene_points.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"
#include "widgets/projection/projection_colours.h"
#include "widgets/projection/projection_view.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

const QString kSample = QStringLiteral(LNGEOM_SOURCE_DIR "/data/sample-layernorm.h5");
const QColor kBackground(31, 33, 41);

bool isAxisRed(const QColor& c) { return c.red() > 140 && c.green() < 90 && c.blue() < 90; }
// The first layer's colour (the lookup table's blue end), and the disc never this saturated.
bool isFirstLayerBlue(const QColor& c) { return c.blue() > 200 && c.red() < 90 && c.green() < 110; }
bool isMarkerYellow(const QColor& c) { return c.red() > 200 && c.green() > 190 && c.blue() < 110; }
// The disc is a translucent blue over the background.
bool isDiscBlue(const QColor& c) {
    return c.blue() > c.red() + 25 && c.blue() > 70 && c.blue() < 140 && c.green() < 110;
}

}  // namespace

class TestProjectionView : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() {
        document_ = lngeom::test::loadSample("sample-layernorm.h5");
        QVERIFY(document_);
        view_ = std::make_unique<ProjectionView>();
        view_->resize(900, 760);
        QSignalSpy shown(view_.get(), &ProjectionView::cloudShown);
        view_->setDocument(document_.get());
        view_->show();
        QVERIFY(QTest::qWaitForWindowExposed(view_.get()));
        QVERIFY(shown.count() > 0 || shown.wait(30000));
        QVERIFY(QTest::qWaitFor([&] { return view_->sceneView()->renderCount() > 0; }, 5000));
    }

    void drawsTheSphereAxisDiscAndPoints() {
        const QImage image = view_->sceneView()->grabImage();
        lngeom::test::saveTestImage(image, "projection-view-x-linear");
        const double pixels = double(image.width()) * image.height();
        const double background = lngeom::test::fractionOfPixelsNear(image, kBackground, 6);
        const int red = test::countPixels(image, isAxisRed);
        const int blue = test::countPixels(image, isDiscBlue);
        QVERIFY2(background > 0.3, qPrintable(QString::number(background)));
        QVERIFY2(red > 300, qPrintable(QString::number(red)));
        QVERIFY2(blue > 0.05 * pixels, qPrintable(QString::number(blue)));
        QCOMPARE(view_->shownCloud()->points.rows(), document_->info().n_tokens);
        QVERIFY(view_->shownCloud()->basis.variance_share.sum() > 0.05);
    }

    void trueRadiusPutsEveryYOnTheSphere() {
        QSignalSpy shown(view_.get(), &ProjectionView::cloudShown);
        ProjectionSettings settings = view_->settings();
        settings.representation = Representation::LnStandardized;
        settings.placement = Placement::TrueRadius;
        view_->setSettings(settings);
        QVERIFY(shown.wait(30000));
        const auto cloud = view_->shownCloud();
        const float radius = float(cloud->sphere_radius);
        QVERIFY(((cloud->points.rowwise().norm().array() - radius).abs() < 1e-3f * radius).all());
        QVERIFY((cloud->points.col(2).array() == 0.0f).all());
        QVERIFY(QTest::qWaitFor([&] { return !view_->sceneView()->grabImage().isNull(); }, 2000));
        lngeom::test::saveTestImage(view_->sceneView()->grabImage(),
                                    "projection-view-y-true-radius");
        lngeom::test::saveTestImage(view_->grab().toImage(), "projection-view-widget-y");
        view_->setSettings(ProjectionSettings{});
        QVERIFY(shown.wait(30000));
    }

    void aClickSelectsTheTokenUnderTheMouse() {
        const auto cloud = view_->shownCloud();
        const std::size_t row = test::loneliestPoint(view_->sceneView(), cloud->points);
        const Index expected = cloud->tokens[row];
        const QPoint where =
            test::screenPosition(view_->sceneView(), cloud->points.row(Index(row)).transpose());
        QSignalSpy changed(document_->selection(), &TokenSelection::changed);
        QTest::mouseClick(view_->sceneView(), Qt::LeftButton, {}, where);
        QVERIFY(changed.count() > 0 || changed.wait(2000));
        QCOMPARE(test::selectedTokens(*document_), std::vector<Index>{expected});
        QVERIFY2(view_->selectionText().startsWith(QStringLiteral("token %1").arg(expected)),
                 qPrintable(view_->selectionText()));
        QVERIFY(view_->selectionText().contains(QStringLiteral("θ = ")));
        QTest::qWait(100);
        const QImage image = view_->sceneView()->grabImage();
        lngeom::test::saveTestImage(image, "projection-view-picked");
        lngeom::test::saveTestImage(view_->grab().toImage(), "projection-view-widget");
        QVERIFY(test::countPixels(image, isMarkerYellow) > 40);
        QCOMPARE(view_->tokenAt(where + QPoint(300, 300)) == expected, false);
    }

    void colourByLayerDrawsEveryLayerOfTheSiteKind() {
        QSignalSpy shown(view_.get(), &ProjectionView::cloudShown);
        QCOMPARE(view_->shownCloud()->request.site, SiteIndex{0});
        const QImage before = view_->sceneView()->grabImage();
        view_->setColour(ProjectionColour::Layer);
        QVERIFY(shown.wait(30000));
        const auto cloud = view_->shownCloud();
        // The sample's ln1 sites are layers 0 to 3, 512 tokens each, in site 000's basis.
        QCOMPARE(sites_of_same_kind(document_->info(), 0), (std::vector<std::size_t>{0, 2, 4, 6}));
        QCOMPARE(cloud->points.rows(), 4 * document_->info().n_tokens);
        QCOMPARE(cloud->layers.size(), cloud->tokens.size());
        for (int layer = 0; layer < 4; ++layer)
            QCOMPARE(std::count(cloud->layers.begin(), cloud->layers.end(), layer),
                     std::ptrdiff_t(document_->info().n_tokens));
        QCOMPARE(cloud->request.site, SiteIndex{0});
        const QImage image = view_->sceneView()->grabImage();
        lngeom::test::saveTestImage(image, "projection-view-layers");
        lngeom::test::saveTestImage(view_->grab().toImage(), "projection-view-widget-layers");
        // The last layer is red and the first blue: neither colours the angle picture so much.
        QVERIFY2(test::countPixels(image, isFirstLayerBlue) >
                     test::countPixels(before, isFirstLayerBlue) + 50,
                 qPrintable(QString::number(test::countPixels(image, isFirstLayerBlue))));
        QVERIFY(test::countPixels(image, isAxisRed) > test::countPixels(before, isAxisRed) + 50);
        view_->setColour(ProjectionColour::AngleToUniform);
        QVERIFY(shown.wait(30000));
        QVERIFY(view_->shownCloud()->layers.empty());
        QCOMPARE(view_->shownCloud()->points.rows(), document_->info().n_tokens);
    }

    // Each colouring paints the points differently (images kept for looking at).
    void everyColouringHasItsOwnPicture() {
        std::vector<QImage> images;
        for (ProjectionColour colour : {ProjectionColour::AngleToUniform, ProjectionColour::Norm,
                                        ProjectionColour::Position, ProjectionColour::Selection}) {
            view_->setColour(colour);
            QCOMPARE(view_->settings().colour, colour);
            images.push_back(view_->sceneView()->grabImage());
            lngeom::test::saveTestImage(images.back(),
                                        "projection-view-colour-" + QString::number(int(colour)));
            for (std::size_t other = 0; other + 1 < images.size(); ++other)
                QVERIFY(lngeom::test::meanAbsoluteDifference(images[other], images.back()) > 0.05);
        }
        view_->setColour(ProjectionColour::AngleToUniform);
    }

    void layerColoursAreLabelledOnWholeLayers_data() {
        QTest::addColumn<std::vector<int>>("layers");
        QTest::addColumn<int>("labels");
        QTest::addColumn<QString>("title");
        QTest::addRow("four layers")
            << std::vector<int>{0, 3, 1, 2} << 4 << QStringLiteral("layer\n(every ln1)");
        QTest::addRow("24 layers, a label every 3")
            << std::vector<int>{1, 22} << 8 << QStringLiteral("layer\n(every ln1)");
        QTest::addRow("one layer: its number in the title")
            << std::vector<int>{5, 5} << 0 << QStringLiteral("layer 5 (ln1)");
    }
    void layerColoursAreLabelledOnWholeLayers() {
        QFETCH(std::vector<int>, layers);
        QFETCH(int, labels);
        QFETCH(QString, title);
        const PointColours colours = layerColours(layers, "ln1");
        QCOMPARE(colours.labels, labels);
        QCOMPARE(QString::fromStdString(colours.title), title);
        QCOMPARE(colours.labelFormat, std::string("%.0f"));
        QCOMPARE(colours.values.size(), layers.size());
        QCOMPARE(colours.low, double(*std::min_element(layers.begin(), layers.end())));
        if (labels > 1) {
            const double step = (colours.high - colours.low) / (labels - 1);
            QCOMPARE(step, std::round(step));
        }
    }

    // The caption wraps to the view's width: at a third of a laptop window and at a large
    // size every line of text VTK draws stays inside the view, and nothing bright touches
    // the right edge (the colour bar and its title).
    void annotationsStayInsideTheView_data() {
        QTest::addColumn<QSize>("size");
        QTest::addRow("narrow 320x480") << QSize(320, 480);
        QTest::addRow("wide 1200x900") << QSize(1200, 900);
    }
    void annotationsStayInsideTheView() {
        QFETCH(QSize, size);
        ProjectionView view;
        view.resize(size);
        QSignalSpy shown(&view, &ProjectionView::cloudShown);
        view.setDocument(document_.get());
        view.setColour(ProjectionColour::Layer);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(QTest::qWaitFor([&] { return view.shownCloud() != nullptr; }, 30000));
        const QImage image = view.sceneView()->grabImage();
        const QString name = QStringLiteral("projection-view-annotations-%1x%2")
                                 .arg(size.width())
                                 .arg(size.height());
        lngeom::test::saveTestImage(view.grab().toImage(), name);
        vtkRenderer* renderer = view.sceneView()->renderer();
        const int* viewport = renderer->GetSize();
        int texts = 0;
        vtkActor2DCollection* actors = renderer->GetActors2D();
        actors->InitTraversal();
        while (vtkActor2D* actor = actors->GetNextActor2D()) {
            auto* text = vtkTextActor::SafeDownCast(actor);
            if (!text || !text->GetVisibility()) continue;
            // The box is relative to the text's anchor.
            const int* anchor = text->GetPositionCoordinate()->GetComputedViewportValue(renderer);
            double box[4];
            text->GetBoundingBox(renderer, box);
            for (int i = 0; i < 4; ++i) box[i] += anchor[i / 2];
            QVERIFY2(box[0] >= 0 && box[1] <= viewport[0] && box[2] >= 0 && box[3] <= viewport[1],
                     qPrintable(QStringLiteral("'%1' spans x %2..%3 of %4")
                                    .arg(text->GetInput())
                                    .arg(box[0])
                                    .arg(box[1])
                                    .arg(viewport[0])));
            QVERIFY(box[3] - box[2] > 10);
            ++texts;
        }
        QVERIFY(texts > 0);
        for (int x = image.width() - 3; x < image.width(); ++x)
            for (int y = 0; y < image.height(); ++y)
                QVERIFY2(
                    qGray(image.pixel(x, y)) < 100,
                    qPrintable(QStringLiteral("text at the right edge, x %1 y %2").arg(x).arg(y)));
    }

    // A drag renders at reduced resolution with the subsample; its end brings full detail back,
    // and the still picture is the one before.
    void interactionLowersTheResolutionUntilItEnds() {
        VtkViewWidget* scene = view_->sceneView();
        QTest::qWait(100);
        const QImage before = scene->grabImage();
        const int width = scene->renderWindow()->GetSize()[0];
        const int height = scene->renderWindow()->GetSize()[1];
        const QPoint corner(scene->width() - 5, scene->height() - 5);
        QTest::mousePress(scene, Qt::LeftButton, {}, corner);
        QCOMPARE(scene->renderScale(), ProjectionView::kMovingRenderScale);
        QCOMPARE(scene->renderWindow()->GetSize()[0], int(std::lround(width * 0.5)));
        QCOMPARE(scene->renderWindow()->GetSize()[1], int(std::lround(height * 0.5)));
        lngeom::test::saveTestImage(view_->grab().toImage(), "projection-view-widget-moving");
        // Captures during the drag are still full detail.
        QCOMPARE(scene->grabImage().size(), before.size());
        QTest::mouseRelease(scene, Qt::LeftButton, {}, corner);
        QCOMPARE(scene->renderScale(), 1.0);
        QCOMPARE(scene->renderWindow()->GetSize()[0], width);
        QCOMPARE(scene->renderWindow()->GetSize()[1], height);
        QCOMPARE(scene->grabImage(), before);
    }

    void aNewSiteReloadsThePoints() {
        QSignalSpy shown(view_.get(), &ProjectionView::cloudShown);
        const SiteIndex last = document_->info().sites.size() - 1;
        document_->setCurrentSite(last);
        QVERIFY(shown.wait(30000));
        QCOMPARE(view_->shownCloud()->request.site, last);
    }

    void followsADocumentSetBeforeItLoads() {
        DumpDocument document(kSample, QString(), lngeom::test::uncachedOptions());
        ProjectionView view;
        view.resize(400, 300);
        view.setDocument(&document);
        QSignalSpy shown(&view, &ProjectionView::cloudShown);
        document.load();
        QVERIFY(shown.wait(30000));
        const Index token = 12;
        document.selection()->setTokens(std::span<const Index>(&token, 1));
        QVERIFY2(view.selectionText().startsWith(QStringLiteral("token 12")),
                 qPrintable(view.selectionText()));
    }

    void showsEveryRepresentationOfBothSamples_data() {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<int>("representation");
        for (const char* sample : {"sample-layernorm.h5", "sample-rmsnorm.h5"})
            for (Representation representation :
                 {Representation::Input, Representation::LnStandardized,
                  Representation::RmsStandardized, Representation::Output})
                QTest::addRow("%s %s", sample, qPrintable(representationName(representation)))
                    << QString(sample) << int(representation);
    }
    void showsEveryRepresentationOfBothSamples() {
        QFETCH(QString, sample);
        QFETCH(int, representation);
        DumpDocument document(QStringLiteral(LNGEOM_SOURCE_DIR "/data/") + sample, QString(),
                              lngeom::test::uncachedOptions());
        ProjectionView view;
        view.resize(400, 300);
        ProjectionSettings settings;
        settings.representation = Representation(representation);
        settings.placement = Placement::TrueRadius;
        view.setSettings(settings);
        QSignalSpy shown(&view, &ProjectionView::cloudShown);
        view.setDocument(&document);
        document.load();
        QVERIFY(shown.wait(30000));
        const auto cloud = view.shownCloud();
        QCOMPARE(cloud->points.rows(), document.info().n_tokens);
        QVERIFY(cloud->points.allFinite());
        const float radius = float(cloud->sphere_radius);
        const Eigen::ArrayXf radii = cloud->points.rowwise().norm().array();
        // Both standardizations land on the √d sphere (up to ε); x and the output need not.
        if (settings.representation == Representation::LnStandardized ||
            settings.representation == Representation::RmsStandardized)
            QVERIFY(((radii - radius).abs() < 1e-3f * radius).all());
    }

    void cleanupTestCase() {
        view_.reset();
        document_.reset();
    }

  private:
    std::unique_ptr<DumpDocument> document_;
    std::unique_ptr<ProjectionView> view_;
};

LNGEOM_WIDGETS_TEST_MAIN(TestProjectionView)
#include "test_projection_view.moc"
