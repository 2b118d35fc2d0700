// The Qt 6 ↔ VTK adapter: pixels on screen, interaction, keys, timers, cursors, resize,
// 2× grabs and render counting.

#include <vtkActor.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkNew.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>
#include <QtTest>

#include <cmath>
#include <memory>
#include <vector>

#include "tests/widgets/image_checks.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

using lngeom::widgets::VtkViewWidget;

namespace {

const QColor kBackground(26, 51, 102);
constexpr int kTolerance = 12;

// A flat-lit sphere filling the middle of the view: its pixels are exactly `colour`.
vtkActor* addFlatSphere(VtkViewWidget& view, const QColor& colour) {
    vtkNew<vtkSphereSource> sphere;
    sphere->SetThetaResolution(48);
    sphere->SetPhiResolution(48);
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(sphere->GetOutputPort());
    vtkNew<vtkActor> actor;
    actor->SetMapper(mapper);
    actor->GetProperty()->SetColor(colour.redF(), colour.greenF(), colour.blueF());
    actor->GetProperty()->SetAmbient(1.0);
    actor->GetProperty()->SetDiffuse(0.0);
    actor->GetProperty()->SetSpecular(0.0);
    vtkRenderer* renderer = view.renderer();
    renderer->SetBackground(kBackground.redF(), kBackground.greenF(), kBackground.blueF());
    renderer->AddActor(actor);
    renderer->ResetCamera();
    return actor;
}

std::unique_ptr<VtkViewWidget> shownView(const QColor& colour, QSize size = QSize(320, 240)) {
    auto view = std::make_unique<VtkViewWidget>();
    view->resize(size);
    addFlatSphere(*view, colour);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get())) return nullptr;
    if (!QTest::qWaitFor([&] { return view->renderCount() > 0; }, 5000)) return nullptr;
    return view;
}

// Passes when the image has `colour` in its centre and the background in a corner; otherwise
// saves the image for inspection.
bool showsSphereOn(const QImage& image, const QColor& colour, const QString& name) {
    const QColor centre = image.pixelColor(image.width() / 2, image.height() / 2);
    const QColor corner = image.pixelColor(2, 2);
    const bool ok = lngeom::test::colourDistance(centre, colour) <= kTolerance &&
                    lngeom::test::colourDistance(corner, kBackground) <= kTolerance;
    if (!ok)
        qWarning("image check failed, actual image saved to %s",
                 qPrintable(lngeom::test::saveTestImage(image, name)));
    return ok;
}

}  // namespace

class TestVtkViewWidget : public QObject {
    Q_OBJECT
  private slots:
    void rendersKnownScene_data();
    void rendersKnownScene();
    void mouseDragMovesCamera_data();
    void mouseDragMovesCamera();
    void keyReachesInteractorStyle_data();
    void keyReachesInteractorStyle();
    void wheelZoomsCamera_data();
    void wheelZoomsCamera();
    void doubleClickArrivesAsRepeatedPress();
    void enterAndLeaveReachInteractor();
    void rendersAtDevicePixelRatio();
    void vtkTimerFires();
    void vtkCursorBecomesQtCursor_data();
    void vtkCursorBecomesQtCursor();
    void resizeRendersAtNewSize();
    void grabImageScalesPixelsNotContent();
    void grabImageWorksOnHiddenWidget();
    void reducedRenderScaleStretchesToTheWidget();
    void collapsedViewRecovers();
    void repaintsDoNotRender();
    void renderRequestsCoalesce();
};

void TestVtkViewWidget::rendersKnownScene_data() {
    QTest::addColumn<QColor>("colour");
    QTest::newRow("red") << QColor(255, 0, 0);
    QTest::newRow("green") << QColor(0, 200, 0);
    QTest::newRow("white") << QColor(255, 255, 255);
}

void TestVtkViewWidget::rendersKnownScene() {
    QFETCH(QColor, colour);
    auto view = shownView(colour);
    QVERIFY(view);
    const QImage onScreen = view->grabFramebuffer();
    QCOMPARE(onScreen.size(), QSize(320, 240));
    QVERIFY(
        showsSphereOn(onScreen, colour, QString("rendersKnownScene-") + QTest::currentDataTag()));
    QVERIFY(lngeom::test::fractionOfPixelsNear(onScreen, colour, kTolerance) > 0.1);
}

void TestVtkViewWidget::mouseDragMovesCamera_data() {
    QTest::addColumn<Qt::MouseButton>("button");
    QTest::addColumn<bool>("positionMoves");
    QTest::addColumn<bool>("focalPointMoves");
    QTest::newRow("left rotates") << Qt::LeftButton << true << false;
    QTest::newRow("middle pans") << Qt::MiddleButton << true << true;
    QTest::newRow("right zooms") << Qt::RightButton << true << false;
}

void TestVtkViewWidget::mouseDragMovesCamera() {
    QFETCH(Qt::MouseButton, button);
    QFETCH(bool, positionMoves);
    QFETCH(bool, focalPointMoves);
    auto view = shownView(Qt::red);
    QVERIFY(view);
    vtkCamera* camera = view->renderer()->GetActiveCamera();
    double position[3], focalPoint[3];
    camera->GetPosition(position);
    camera->GetFocalPoint(focalPoint);
    const int rendersBefore = view->renderCount();

    QTest::mousePress(view.get(), button, {}, QPoint(160, 120));
    for (int step = 1; step <= 8; ++step)
        QTest::mouseMove(view.get(), QPoint(160 + 8 * step, 120 + 6 * step));
    QTest::mouseRelease(view.get(), button, {}, QPoint(224, 168));

    const auto moved = [](const double* a, const double* b) {
        return std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) > 1e-6;
    };
    QCOMPARE(moved(camera->GetPosition(), position), positionMoves);
    QCOMPARE(moved(camera->GetFocalPoint(), focalPoint), focalPointMoves);
    QVERIFY(view->renderCount() > rendersBefore);
}

void TestVtkViewWidget::keyReachesInteractorStyle_data() {
    QTest::addColumn<char>("key");
    QTest::addColumn<int>("representation");
    QTest::newRow("w: wireframe") << 'w' << VTK_WIREFRAME;
    QTest::newRow("s: surface") << 's' << VTK_SURFACE;
}

void TestVtkViewWidget::keyReachesInteractorStyle() {
    QFETCH(char, key);
    QFETCH(int, representation);
    VtkViewWidget view;
    view.resize(200, 150);
    vtkActor* actor = addFlatSphere(view, Qt::red);
    actor->GetProperty()->SetRepresentation(representation == VTK_SURFACE ? VTK_POINTS
                                                                          : VTK_SURFACE);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::mouseMove(&view, QPoint(100, 75));
    QTest::keyClick(&view, key);
    QCOMPARE(view.interactor()->GetKeyCode(), key);
    QCOMPARE(actor->GetProperty()->GetRepresentation(), representation);
}

void TestVtkViewWidget::wheelZoomsCamera_data() {
    QTest::addColumn<int>("angleDelta");
    QTest::addColumn<bool>("closer");
    QTest::newRow("forward zooms in") << 120 << true;
    QTest::newRow("backward zooms out") << -120 << false;
}

void TestVtkViewWidget::wheelZoomsCamera() {
    QFETCH(int, angleDelta);
    QFETCH(bool, closer);
    auto view = shownView(Qt::red);
    QVERIFY(view);
    vtkCamera* camera = view->renderer()->GetActiveCamera();
    const double distanceBefore = camera->GetDistance();
    const QPointF centre(160, 120);
    QWheelEvent wheel(centre, view->mapToGlobal(centre), QPoint(), QPoint(0, angleDelta),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.get(), &wheel);
    QCOMPARE(camera->GetDistance() < distanceBefore, closer);
    QVERIFY(std::abs(camera->GetDistance() - distanceBefore) > 1e-6);
}

void TestVtkViewWidget::doubleClickArrivesAsRepeatedPress() {
    auto view = shownView(Qt::red);
    QVERIFY(view);
    std::vector<int> repeatCounts;
    vtkNew<vtkCallbackCommand> recorder;
    recorder->SetClientData(&repeatCounts);
    recorder->SetCallback([](vtkObject* caller, unsigned long, void* counts, void*) {
        auto* interactor = static_cast<vtkGenericRenderWindowInteractor*>(caller);
        static_cast<std::vector<int>*>(counts)->push_back(interactor->GetRepeatCount());
    });
    view->interactor()->AddObserver(vtkCommand::LeftButtonPressEvent, recorder);
    QTest::mouseDClick(view.get(), Qt::LeftButton, {}, QPoint(100, 100));
    QVERIFY(!repeatCounts.empty());
    QCOMPARE(repeatCounts.back(), 1);
    // VTK counts device pixels from the bottom-left corner.
    const double ratio = view->devicePixelRatioF();
    QCOMPARE(view->interactor()->GetEventPosition()[0], qRound(100 * ratio));
    QCOMPARE(view->interactor()->GetEventPosition()[1],
             qRound(240 * ratio) - qRound(100 * ratio) - 1);
}

void TestVtkViewWidget::enterAndLeaveReachInteractor() {
    VtkViewWidget view;
    std::vector<unsigned long> events;
    vtkNew<vtkCallbackCommand> recorder;
    recorder->SetClientData(&events);
    recorder->SetCallback([](vtkObject*, unsigned long event, void* seen, void*) {
        static_cast<std::vector<unsigned long>*>(seen)->push_back(event);
    });
    view.interactor()->AddObserver(vtkCommand::EnterEvent, recorder);
    view.interactor()->AddObserver(vtkCommand::LeaveEvent, recorder);
    const QPointF inside(10, 10);
    QEnterEvent enter(inside, inside, view.mapToGlobal(inside));
    QApplication::sendEvent(&view, &enter);
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(&view, &leave);
    const std::vector<unsigned long> expected{vtkCommand::EnterEvent, vtkCommand::LeaveEvent};
    QVERIFY(events == expected);
}

// Run once as is and once with QT_SCALE_FACTOR=2 (see vtk_view_widget.cmake): VTK renders in
// device pixels, so HiDPI screens get sharp images.
void TestVtkViewWidget::rendersAtDevicePixelRatio() {
    auto view = shownView(Qt::red);
    QVERIFY(view);
    const double ratio = view->devicePixelRatioF();
    const QString forced = qEnvironmentVariable("QT_SCALE_FACTOR");
    if (!forced.isEmpty()) QCOMPARE(ratio, forced.toDouble());
    const QSize deviceSize = QSize(320, 240) * ratio;
    QCOMPARE(view->renderWindow()->GetSize()[0], deviceSize.width());
    QCOMPARE(view->renderWindow()->GetSize()[1], deviceSize.height());
    const QImage onScreen = view->grabFramebuffer();
    QCOMPARE(onScreen.size(), deviceSize);
    QVERIFY(showsSphereOn(onScreen, Qt::red, "rendersAtDevicePixelRatio"));
    QCOMPARE(view->grabImage(1.0).size(), deviceSize);
}

void TestVtkViewWidget::vtkTimerFires() {
    VtkViewWidget view;
    int fired = 0;
    vtkNew<vtkCallbackCommand> counter;
    counter->SetClientData(&fired);
    counter->SetCallback(
        [](vtkObject*, unsigned long, void* count, void*) { ++*static_cast<int*>(count); });
    view.interactor()->AddObserver(vtkCommand::TimerEvent, counter);
    const int repeating = view.interactor()->CreateRepeatingTimer(5);
    QTRY_VERIFY_WITH_TIMEOUT(fired >= 3, 2000);
    view.interactor()->DestroyTimer(repeating);
    const int firedAtDestroy = fired;
    QTest::qWait(50);
    QCOMPARE(fired, firedAtDestroy);
}

void TestVtkViewWidget::vtkCursorBecomesQtCursor_data() {
    QTest::addColumn<int>("vtkCursor");
    QTest::addColumn<Qt::CursorShape>("qtCursor");
    QTest::newRow("hand") << VTK_CURSOR_HAND << Qt::PointingHandCursor;
    QTest::newRow("crosshair") << VTK_CURSOR_CROSSHAIR << Qt::CrossCursor;
    QTest::newRow("size all") << VTK_CURSOR_SIZEALL << Qt::SizeAllCursor;
    QTest::newRow("default") << VTK_CURSOR_DEFAULT << Qt::ArrowCursor;
}

void TestVtkViewWidget::vtkCursorBecomesQtCursor() {
    QFETCH(int, vtkCursor);
    QFETCH(Qt::CursorShape, qtCursor);
    VtkViewWidget view;
    view.renderWindow()->SetCurrentCursor(vtkCursor);
    QCOMPARE(view.cursor().shape(), qtCursor);
}

void TestVtkViewWidget::resizeRendersAtNewSize() {
    auto view = shownView(Qt::red);
    QVERIFY(view);
    const int rendersBefore = view->renderCount();
    view->resize(400, 300);
    QTRY_VERIFY_WITH_TIMEOUT(view->renderCount() > rendersBefore, 5000);
    QCOMPARE(view->renderWindow()->GetSize()[0], 400);
    QCOMPARE(view->renderWindow()->GetSize()[1], 300);
    const QImage onScreen = view->grabFramebuffer();
    QCOMPARE(onScreen.size(), QSize(400, 300));
    QVERIFY(showsSphereOn(onScreen, Qt::red, "resizeRendersAtNewSize"));
}

void TestVtkViewWidget::grabImageScalesPixelsNotContent() {
    auto view = shownView(Qt::red);
    QVERIFY(view);
    const QImage single = view->grabImage(1.0);
    const QImage doubled = view->grabImage(2.0);
    QCOMPARE(single.size(), QSize(320, 240));
    QCOMPARE(doubled.size(), QSize(640, 480));
    QVERIFY(showsSphereOn(doubled, Qt::red, "grabImage-2x"));
    const QImage reduced =
        doubled.scaled(single.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const double difference = lngeom::test::meanAbsoluteDifference(single, reduced);
    if (difference > 4.0) {
        lngeom::test::saveTestImage(single, "grabImage-1x");
        qWarning("2x grab differs from 1x by %.2f, saved to %s", difference,
                 qPrintable(lngeom::test::saveTestImage(doubled, "grabImage-2x")));
    }
    QVERIFY(difference <= 4.0);
    QCOMPARE(view->renderWindow()->GetSize()[0], 320);
}

// Half the resolution in VTK, the whole widget on screen; captures stay at full detail, and
// scale 1 brings the full-size window back.
void TestVtkViewWidget::reducedRenderScaleStretchesToTheWidget() {
    auto view = shownView(Qt::red);
    QVERIFY(view);
    const QImage full = view->grabImage();
    const int rendersBefore = view->renderCount();
    view->setRenderScale(0.5);
    QTRY_VERIFY_WITH_TIMEOUT(view->renderCount() > rendersBefore, 5000);
    QCOMPARE(view->renderWindow()->GetSize()[0], 160);
    QCOMPARE(view->renderWindow()->GetSize()[1], 120);
    const QImage onScreen = view->grabFramebuffer();
    QCOMPARE(onScreen.size(), QSize(320, 240));
    QVERIFY(showsSphereOn(onScreen, Qt::red, "renderScale-half"));
    QVERIFY(lngeom::test::meanAbsoluteDifference(onScreen.convertToFormat(QImage::Format_RGB888),
                                                 full) < 6.0);
    QCOMPARE(view->grabImage(), full);
    QCOMPARE(view->renderWindow()->GetSize()[0], 160);
    view->setRenderScale(1.0);
    QCOMPARE(view->renderWindow()->GetSize()[0], 320);
    QCOMPARE(view->renderWindow()->GetSize()[1], 240);
}

void TestVtkViewWidget::grabImageWorksOnHiddenWidget() {
    VtkViewWidget view;
    view.resize(200, 160);
    addFlatSphere(view, Qt::red);
    const QImage image = view.grabImage(2.0);
    QVERIFY(!view.isVisible());
    QCOMPARE(image.size(), QSize(400, 320));
    QVERIFY(showsSphereOn(image, Qt::red, "grabImageWorksOnHiddenWidget"));
}

// A splitter can collapse a view to nothing; it must come back intact.
void TestVtkViewWidget::collapsedViewRecovers() {
    QWidget window;
    window.resize(320, 240);
    auto* view = new VtkViewWidget(&window);
    addFlatSphere(*view, Qt::red);
    view->setGeometry(0, 0, 320, 240);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(view->renderCount() > 0, 5000);
    view->setGeometry(0, 0, 0, 240);
    QTest::qWait(50);
    QVERIFY(view->grabImage(2.0).isNull());
    view->setGeometry(0, 0, 320, 240);
    QTest::qWait(50);
    QCOMPARE(view->renderWindow()->GetSize()[0], 320);
    QVERIFY(showsSphereOn(view->grabFramebuffer(), Qt::red, "collapsedViewRecovers"));
}

void TestVtkViewWidget::repaintsDoNotRender() {
    auto view = shownView(Qt::red);
    QVERIFY(view);
    QTest::qWait(100);
    const int rendersBefore = view->renderCount();
    for (int i = 0; i < 100; ++i) {
        view->update();
        QCoreApplication::processEvents();
    }
    QTest::qWait(100);
    QCOMPARE(view->renderCount(), rendersBefore);
}

void TestVtkViewWidget::renderRequestsCoalesce() {
    auto view = shownView(Qt::red);
    QVERIFY(view);
    QTest::qWait(100);
    const int rendersBefore = view->renderCount();
    for (int i = 0; i < 100; ++i) view->requestRender();
    QTRY_VERIFY_WITH_TIMEOUT(view->renderCount() > rendersBefore, 5000);
    QTest::qWait(100);
    QCOMPARE(view->renderCount(), rendersBefore + 1);
}

LNGEOM_WIDGETS_TEST_MAIN(TestVtkViewWidget)
#include "test_vtk_view_widget.moc"
