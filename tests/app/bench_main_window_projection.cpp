// Frames per second of the projection view inside the real main window (1600 × 1000, docks
// around the central view) with the million-token dump: the camera orbits one step per frame
// while the interaction state is on (the subsample at ProjectionView::kMovingRenderScale, as
// during a mouse drag); every frame rendered by VTK, composed and presented by Qt, finished
// (glFinish) before the next. QBENCHMARK reports; nothing is timed here.

#include <vtkCamera.h>
#include <vtkCommand.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorObserver.h>
#include <vtkRenderer.h>
#include <QElapsedTimer>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QSignalSpy>
#include <QtTest>

#include "tests/app/main_window_fixture.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/projection/projection_view.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

const QString kDump = QStringLiteral(LNGEOM_TEST_OUTPUT_DIR "/million-token-dump.h5");
constexpr int kFrames = 60;  // per QBENCHMARK iteration: a few seconds of dragging

// Qt may coalesce repaints: events are processed until VTK has rendered the frame.
void renderOneFrame(VtkViewWidget& view) {
    const int before = view.renderCount();
    view.requestRender();
    while (view.renderCount() == before)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    view.makeCurrent();
    QOpenGLContext::currentContext()->functions()->glFinish();
    view.doneCurrent();
}

}  // namespace

class BenchMainWindowProjection : public QObject {
    Q_OBJECT
  private slots:
    void cameraOrbitWhileDragging();
};

void BenchMainWindowProjection::cameraOrbitWhileDragging() {
    test::WindowUnderTest ui({kDump});
    ui.window->resize(1600, 1000);
    auto* projection = ui.window->findChild<ProjectionView*>();
    QVERIFY(projection);
    QSignalSpy shown(projection, &ProjectionView::cloudShown);
    QVERIFY(ui.waitSettled(180000));
    QVERIFY(shown.count() > 0 || shown.wait(180000));
    auto* scene = projection->findChild<VtkViewWidget*>();
    QVERIFY(scene);
    QVERIFY(QTest::qWaitForWindowExposed(ui.window.get()));
    vtkInteractorObserver* style = scene->interactor()->GetInteractorStyle();
    style->InvokeEvent(vtkCommand::StartInteractionEvent);
    for (int warmup = 0; warmup < 3; ++warmup) renderOneFrame(*scene);

    const int rendersBefore = scene->renderCount();
    QElapsedTimer clock;
    clock.start();
    QBENCHMARK {
        for (int frame = 0; frame < kFrames; ++frame) {
            scene->renderer()->GetActiveCamera()->Azimuth(2.0);
            renderOneFrame(*scene);
        }
    }
    const double seconds = double(clock.elapsed()) / 1000.0;
    ui.window->grab().save(LNGEOM_TEST_OUTPUT_DIR "/bench-main-window-projection.png");
    style->InvokeEvent(vtkCommand::EndInteractionEvent);
    qInfo("main window %dx%d, view %dx%d: %.1f frames/s while moving", ui.window->width(),
          ui.window->height(), scene->width(), scene->height(),
          double(scene->renderCount() - rendersBefore) / seconds);
}

LNGEOM_WIDGETS_TEST_MAIN(BenchMainWindowProjection)
#include "bench_main_window_projection.moc"
