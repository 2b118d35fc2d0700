#include "widgets/figure_scene.h"

#include <vtkCamera.h>
#include <vtkRenderer.h>
#include <QEventLoop>
#include <QTimer>

#include "core/errors.h"
#include "widgets/dump_document.h"
#include "widgets/figure_scene_svg.h"
#include "widgets/figure_writer.h"
#include "widgets/projection_view.h"
#include "widgets/vtk_view_widget.h"

namespace lngeom::widgets {
namespace {

// Projecting a large site reads every token's vector; ten minutes covers dumps of a few GB.
constexpr int kProjectionTimeoutMs = 600000;

void waitForCloud(ProjectionView& view, const DumpDocument& document) {
    QString failure;
    QEventLoop loop;
    QObject::connect(&view, &ProjectionView::cloudShown, &loop, &QEventLoop::quit);
    QObject::connect(&view, &ProjectionView::failed, &loop, [&](const QString& message) {
        failure = message;
        loop.quit();
    });
    QTimer::singleShot(kProjectionTimeoutMs, &loop, &QEventLoop::quit);
    if (!view.shownCloud()) loop.exec();
    if (!view.shownCloud())
        throw Error(document.path().toStdString(), "",
                    "cannot be projected: " + (failure.isEmpty()
                                                   ? std::string("no points after ten minutes")
                                                   : failure.toStdString()));
}

void setCamera(vtkRenderer* renderer, const std::array<double, 9>& values) {
    vtkCamera* camera = renderer->GetActiveCamera();
    camera->SetPosition(values.data());
    camera->SetFocalPoint(values.data() + 3);
    camera->SetViewUp(values.data() + 6);
    renderer->ResetCameraClippingRange();
}

}  // namespace

std::array<double, 9> cameraOf(vtkRenderer* renderer) {
    vtkCamera* camera = renderer->GetActiveCamera();
    std::array<double, 9> values{};
    camera->GetPosition(values.data());
    camera->GetFocalPoint(values.data() + 3);
    camera->GetViewUp(values.data() + 6);
    return values;
}

FigureRecipe renderProjection(DumpDocument& document, const FigureRecipe& recipe,
                              const std::string& path) {
    const std::optional<FigureFormat> format = figureFormatOf(path);
    if (format != FigureFormat::Png && format != FigureFormat::Svg)
        throw Error(path, "", "cannot be written from the 3D view: use .png or .svg");
    ProjectionView view;
    view.setDocument(&document);
    waitForCloud(view, document);
    VtkViewWidget& scene = *view.sceneView();
    scene.resize(recipe.width, recipe.height);
    if (recipe.camera) setCamera(scene.renderer(), *recipe.camera);
    FigureRecipe drawn = recipe;
    drawn.camera = cameraOf(scene.renderer());
    if (format == FigureFormat::Png)
        writeRasterFigure(scene, path, {recipe.scale, recipe.transparent});
    else
        writeProjectionSvg(*view.shownCloud(), scene, document, path);
    return drawn;
}

}  // namespace lngeom::widgets
