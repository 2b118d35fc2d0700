#include "app/reactions/export_figure_reaction.h"

#include <QAction>
#include <QFileDialog>
#include <QStatusBar>

#include <exception>

#include "widgets/dump_document.h"
#include "widgets/figure_renderer.h"
#include "widgets/figure_view_recipes.h"

namespace lngeom::app {
namespace {

constexpr int kStatusMessageMs = 10000;

QString suggestedName(const widgets::ViewFigure& figure) {
    const std::string name = widgets::figureModelName(*figure.document) + "-" +
                             std::string(widgets::figureViewName(figure.recipe.view)) + "-" +
                             figure.recipe.site;
    return QString::fromStdString(name) +
           (figure.recipe.view == widgets::FigureView::Projection ? ".png" : ".svg");
}

}  // namespace

ExportFigureReaction::ExportFigureReaction(QAction* action, QWidget* view, QStatusBar* statusBar)
    : QObject(action), view_(view), statusBar_(statusBar) {
    connect(action, &QAction::triggered, this, &ExportFigureReaction::onTriggered);
}

bool ExportFigureReaction::exportTo(const QString& path) {
    std::optional<widgets::ViewFigure> figure = widgets::figureOfView(view_);
    if (!figure) {
        statusBar_->showMessage(tr("Nothing to export yet: the view has no data."),
                                kStatusMessageMs);
        return false;
    }
    figure->recipe.scale = pngScale_;
    figure->recipe.transparent = transparentPng_;
    try {
        widgets::renderFigureWithRecipe(*figure->document, figure->recipe, path.toStdString());
    } catch (const std::exception& error) {
        statusBar_->showMessage(QString::fromUtf8(error.what()), kStatusMessageMs);
        return false;
    }
    statusBar_->showMessage(tr("Saved %1 and its recipe").arg(path), kStatusMessageMs);
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
