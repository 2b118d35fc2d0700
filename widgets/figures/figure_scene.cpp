#include "widgets/figures/figure_scene.h"

#include <vtkCamera.h>
#include <vtkRenderer.h>
#include <QEventLoop>
#include <QTimer>

#include "core/errors.h"
#include "widgets/document/dump_document.h"
#include "widgets/ellipsoid/ellipsoid_view.h"
#include "widgets/figures/ellipsoid_figure_svg.h"
#include "widgets/figures/figure_scene_svg.h"
#include "widgets/figures/figure_writer.h"
#include "widgets/figures/step_figure_svg.h"
#include "widgets/projection/projection_view.h"
#include "widgets/step_through/step_through_panel.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::widgets {
namespace {

// Projecting a large site reads every token's vector; ten minutes covers dumps of a few GB.
constexpr int kViewTimeoutMs = 600000;

// A fresh view reads its vectors on a worker thread and signals when they are drawn; nothing
// arrives before the event loop runs, so waiting for the next signal is waiting for this one.
template <typename View, typename Shown>
void waitUntilShown(View& view, Shown shown, const DumpDocument& document,
                    const std::string& what) {
    bool arrived = false;
    QString failure;
    QEventLoop loop;
    QObject::connect(&view, shown, &loop, [&] {
        arrived = true;
        loop.quit();
    });
    QObject::connect(&view, &View::failed, &loop, [&](const QString& message) {
        failure = message;
        loop.quit();
    });
    QTimer::singleShot(kViewTimeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (!arrived)
        throw Error(document.path().toStdString(), "",
                    what + ": " +
                        (failure.isEmpty() ? std::string("nothing drawn in ten minutes")
                                           : failure.toStdString()));
}

// The view frames the scene to fill its window; a figure keeps the view's caption, which then
// covers the top of the 1 axis and its label. Stepping back a little leaves them both clear.
void stepBack(vtkRenderer* renderer) {
    constexpr double kFigureDolly = 0.85;
    renderer->GetActiveCamera()->Dolly(kFigureDolly);
    renderer->ResetCameraClippingRange();
}

}  // namespace

void requireTokensOfCurrentSite(const DumpDocument& document, const std::vector<Index>& tokens,
                                const std::string& purpose) {
    const SiteInfo& site = document.info().sites[document.currentSite()];
    for (Index token : tokens)
        if (token < 0 || token >= site.n_tokens)
            throw RequestError(document.info().path, "/norms/" + site.key,
                               "has no token " + std::to_string(token) + purpose + " (it has " +
                                   std::to_string(site.n_tokens) + ")");
}

FigureRecipe renderStepThrough(DumpDocument& document, const FigureRecipe& recipe,
                               const std::string& path) {
    if (figureFormatOf(path) == FigureFormat::Eps)
        throw Error(path, "", "cannot be written from the step-through: use .png, .svg or .pdf");
    requireTokensOfCurrentSite(document, recipe.tokens);
    StepThroughPanel panel;
    panel.setDocument(&document);
    panel.setTokens(recipe.tokens);
    waitUntilShown(panel, &StepThroughPanel::walkShown, document, "the tokens cannot be walked");
    panel.setStep(recipe.step);
    VtkViewWidget& scene = *panel.sceneView();
    if (recipe.camera) scene.setCameraPose(*recipe.camera);
    FigureRecipe drawn = recipe;
    drawn.camera = scene.cameraPose();
    writeSvgFigure(stepFigureSvg(panel, document, recipe.width, recipe.height), path,
                   {recipe.scale, recipe.transparent});
    return drawn;
}

FigureRecipe renderProjection(DumpDocument& document, const FigureRecipe& recipe,
                              const std::string& path) {
    const std::optional<FigureFormat> format = figureFormatOf(path);
    if (format == FigureFormat::Eps)
        throw Error(path, "", "cannot be written from the 3D view: use .png, .svg or .pdf");
    ProjectionView view;
    view.setSettings(recipe.projection);
    view.setDocument(&document);
    waitUntilShown(view, &ProjectionView::cloudShown, document, "cannot be projected");
    VtkViewWidget& scene = *view.sceneView();
    scene.resize(recipe.width, recipe.height);
    if (recipe.camera)
        scene.setCameraPose(*recipe.camera);
    else
        stepBack(scene.renderer());
    FigureRecipe drawn = recipe;
    drawn.camera = scene.cameraPose();
    if (format == FigureFormat::Png)
        writeRasterFigure(scene, path, {recipe.scale, recipe.transparent});
    else
        writeProjectionVector(*view.shownCloud(), recipe.projection.colour, scene, document, path);
    return drawn;
}

FigureRecipe renderEllipsoid(DumpDocument& document, const FigureRecipe& recipe,
                             const std::string& path) {
    const SiteInfo& site = document.info().sites[document.currentSite()];
    if (!site.has_gamma)
        throw RequestError(document.info().path, "/norms/" + site.key,
                           "stores no gamma, so it has no γ-ellipsoid to draw (with γ = 1 the "
                           "outputs lie on the √d sphere)");
    EllipsoidView view;
    EllipsoidSettings settings = recipe.ellipsoid;
    settings.teaching = false;
    view.setSettings(settings);
    view.setDocument(&document);
    waitUntilShown(view, &EllipsoidView::pictureShown, document, "has no γ-ellipsoid to draw");
    VtkViewWidget& scene = *view.sceneView();
    scene.resize(recipe.width, recipe.height);
    if (recipe.camera) scene.setCameraPose(*recipe.camera);
    FigureRecipe drawn = recipe;
    drawn.camera = scene.cameraPose();
    writeSvgFigure(ellipsoidFigureSvg(view, document, recipe.width, recipe.height), path,
                   {recipe.scale, recipe.transparent});
    return drawn;
}

}  // namespace lngeom::widgets
