// The projection view on the sample: it draws the sphere, the 1 axis, the disc and the points,
// true radius puts every y on the √d sphere, a click selects the token under the mouse, and a
// new site reloads the points.
#include <vtkCoordinate.h>
#include <vtkRenderer.h>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>

#include "tests/widgets/image_checks.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/dump_document.h"
#include "widgets/projection_view.h"
#include "widgets/token_selection.h"
#include "widgets/vtk_view_widget.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

const QString kSample = QStringLiteral(LNGEOM_SOURCE_DIR "/data/sample-layernorm.h5");
const QColor kBackground(31, 33, 41);

int countPixels(const QImage& image, const std::function<bool(const QColor&)>& test) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) count += test(image.pixelColor(x, y));
    return count;
}

bool isAxisRed(const QColor& c) { return c.red() > 140 && c.green() < 90 && c.blue() < 90; }
bool isMarkerYellow(const QColor& c) { return c.red() > 200 && c.green() > 190 && c.blue() < 110; }
// The disc is a translucent blue over the background.
bool isDiscBlue(const QColor& c) {
    return c.blue() > c.red() + 25 && c.blue() > 70 && c.blue() < 140 && c.green() < 110;
}

// The display position (logical pixels, top-left origin) of a scene point.
QPoint screenPosition(VtkViewWidget* scene, const Eigen::Vector3f& point) {
    vtkNew<vtkCoordinate> coordinate;
    coordinate->SetCoordinateSystemToWorld();
    coordinate->SetValue(point.x(), point.y(), point.z());
    const double* display = coordinate->GetComputedDoubleDisplayValue(scene->renderer());
    const double ratio = scene->devicePixelRatioF();
    return QPoint(int(std::lround(display[0] / ratio)),
                  int(std::lround(scene->height() - display[1] / ratio)));
}

// The drawn point farthest on screen from every other one, so a click on it is unambiguous.
std::size_t loneliestPoint(VtkViewWidget* scene, const ProjectedCloud& cloud) {
    std::vector<QPoint> screen;
    for (Index i = 0; i < cloud.points.rows(); ++i)
        screen.push_back(screenPosition(scene, cloud.points.row(i).transpose()));
    std::size_t best = 0;
    int bestDistance = -1;
    const QRect inside = scene->rect().adjusted(40, 40, -40, -40);
    for (std::size_t i = 0; i < screen.size(); ++i) {
        if (!inside.contains(screen[i])) continue;
        int nearest = std::numeric_limits<int>::max();
        for (std::size_t j = 0; j < screen.size(); ++j)
            if (j != i) nearest = std::min(nearest, (screen[i] - screen[j]).manhattanLength());
        if (nearest > bestDistance) {
            bestDistance = nearest;
            best = i;
        }
    }
    return best;
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
        const int red = countPixels(image, isAxisRed);
        const int blue = countPixels(image, isDiscBlue);
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
        const std::size_t row = loneliestPoint(view_->sceneView(), *cloud);
        const Index expected = cloud->tokens[row];
        const QPoint where =
            screenPosition(view_->sceneView(), cloud->points.row(Index(row)).transpose());
        QSignalSpy changed(document_->selection(), &TokenSelection::changed);
        QTest::mouseClick(view_->sceneView(), Qt::LeftButton, {}, where);
        QVERIFY(changed.count() > 0 || changed.wait(2000));
        QCOMPARE(document_->selection()->tokens(), std::vector<Index>{expected});
        QVERIFY2(view_->selectionText().startsWith(QStringLiteral("token %1").arg(expected)),
                 qPrintable(view_->selectionText()));
        QVERIFY(view_->selectionText().contains(QStringLiteral("θ = ")));
        QTest::qWait(100);
        const QImage image = view_->sceneView()->grabImage();
        lngeom::test::saveTestImage(image, "projection-view-picked");
        lngeom::test::saveTestImage(view_->grab().toImage(), "projection-view-widget");
        QVERIFY(countPixels(image, isMarkerYellow) > 40);
        QCOMPARE(view_->tokenAt(where + QPoint(300, 300)) == expected, false);
    }

    void aNewSiteReloadsThePoints() {
        QSignalSpy shown(view_.get(), &ProjectionView::cloudShown);
        const int last = int(document_->info().sites.size()) - 1;
        document_->setCurrentSite(last);
        QVERIFY(shown.wait(30000));
        QCOMPARE(int(view_->shownCloud()->request.site), last);
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
