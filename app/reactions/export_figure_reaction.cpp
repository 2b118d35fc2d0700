#include "app/reactions/export_figure_reaction.h"

#include <QAction>
#include <QFileDialog>
#include <QStatusBar>

#include <exception>

#include "widgets/document/dump_document.h"
#include "widgets/figures/figure_captions.h"
#include "widgets/figures/figure_renderer.h"
#include "widgets/figures/figure_view_recipes.h"

namespace lngeom::app {
namespace {

QString suggestedName(const widgets::ViewFigure& figure) {
    const std::string name = widgets::figureModelName(*figure.document) + "-" +
                             std::string(widgets::figureViewName(figure.recipe.view)) + "-" +
                             figure.recipe.site;
    const bool raster = figure.recipe.view == widgets::FigureView::Projection;
    return QString::fromStdString(name) + (raster ? ".png" : ".svg");
}

}  // namespace

ExportFigureReaction::ExportFigureReaction(QAction* action, QWidget* view, QStatusBar* statusBar,
                                           MessageLog* log)
    : Reaction(action), view_(view), report_(statusBar, log) {}

bool ExportFigureReaction::exportTo(const QString& path) {
    std::optional<widgets::ViewFigure> figure = widgets::figureOfView(view_);
    if (!figure) {
        report_.nothingToExport(tr("Nothing to export yet: the view has no data."));
        return false;
    }
    figure->recipe.scale = pngScale_;
    figure->recipe.transparent = transparentPng_;
    try {
        widgets::renderFigureWithRecipe({*figure->document, figure->comparison}, figure->recipe,
                                        path.toStdString());
    } catch (const std::exception& error) {
        report_.failed(path, QString::fromUtf8(error.what()));
        return false;
    }
    report_.written(path, tr("Saved %1 and its recipe").arg(path));
    return true;
}

void ExportFigureReaction::onTriggered() {
    const std::optional<widgets::ViewFigure> figure = widgets::figureOfView(view_);
    if (!figure) {
        exportTo(QString());
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        view_->window(), tr("Export Figure"), suggestedName(*figure),
        tr("SVG vector image (*.svg);;PDF document (*.pdf);;PNG image (*.png);;EPS (*.eps)"));
    if (!path.isEmpty()) exportTo(path);
}

}  // namespace lngeom::app
