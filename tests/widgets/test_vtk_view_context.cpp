// Context loss: without shared contexts, moving a view to another top-level window destroys
// its OpenGL context and creates a new one. VTK must release its resources while the old
// context still exists and render again in the new one.

#include <vtkActor.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkNew.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>
#include <QApplication>
#include <QOpenGLContext>
#include <QtTest>

#include "tests/widgets/image_checks.h"
#include "widgets/vtk_hosting/opengl_setup.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

using lngeom::widgets::VtkViewWidget;

namespace {

void addFlatSphere(VtkViewWidget& view, const QColor& colour) {
    vtkNew<vtkSphereSource> sphere;
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(sphere->GetOutputPort());
    vtkNew<vtkActor> actor;
    actor->SetMapper(mapper);
    actor->GetProperty()->SetColor(colour.redF(), colour.greenF(), colour.blueF());
    actor->GetProperty()->SetAmbient(1.0);
    actor->GetProperty()->SetDiffuse(0.0);
    view.renderer()->AddActor(actor);
    view.renderer()->ResetCamera();
}

}  // namespace

class TestVtkViewContext : public QObject {
    Q_OBJECT
  private slots:
    void rendersAgainAfterContextRecreation();
};

void TestVtkViewContext::rendersAgainAfterContextRecreation() {
    QWidget firstWindow;
    QWidget secondWindow;
    firstWindow.resize(320, 240);
    secondWindow.resize(320, 240);
    auto* view = new VtkViewWidget(&firstWindow);
    view->resize(320, 240);
    addFlatSphere(*view, Qt::green);
    firstWindow.show();
    QVERIFY(QTest::qWaitForWindowExposed(&firstWindow));
    QTRY_VERIFY_WITH_TIMEOUT(view->renderCount() > 0, 5000);
    bool firstContextDestroyed = false;
    connect(view->context(), &QObject::destroyed, this, [&] { firstContextDestroyed = true; });
    const int rendersInFirstContext = view->renderCount();

    view->setParent(&secondWindow);
    view->show();
    secondWindow.show();
    QVERIFY(QTest::qWaitForWindowExposed(&secondWindow));
    QTRY_VERIFY_WITH_TIMEOUT(view->renderCount() > rendersInFirstContext, 5000);
    QVERIFY(firstContextDestroyed);
    const QImage image = view->grabFramebuffer();
    const QColor centre = image.pixelColor(image.width() / 2, image.height() / 2);
    if (lngeom::test::colourDistance(centre, Qt::green) > 12)
        qWarning("image saved to %s",
                 qPrintable(lngeom::test::saveTestImage(image, "contextRecreation")));
    QVERIFY(lngeom::test::colourDistance(centre, Qt::green) <= 12);
}

int main(int argc, char* argv[]) {
    lngeom::widgets::configureOpenGLForVtk();
    // Shared contexts survive reparenting; this test needs the context to be replaced.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts, false);
    QApplication application(argc, argv);
    TestVtkViewContext test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_vtk_view_context.moc"
