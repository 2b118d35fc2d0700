#include "app/figure_export_actions.h"

#include <QAction>
#include <QFileDialog>
#include <QImage>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>

#include "widgets/chart_view.h"

namespace lngeom::app {
namespace {

constexpr double kFigureScale = 2.0;
constexpr int kStatusMessageMs = 8000;

void reportSaved(QMainWindow* window, bool saved, const QString& path) {
    const QString message =
        saved ? QObject::tr("Saved %1").arg(path) : QObject::tr("Could not write %1").arg(path);
    window->statusBar()->showMessage(message, kStatusMessageMs);
}

void exportChart(QMainWindow* window, widgets::ChartView* view) {
    const QString path = QFileDialog::getSaveFileName(
        window, QObject::tr("Export chart"), "lngeom-chart.svg",
        QObject::tr("SVG vector image (*.svg);;PDF document (*.pdf);;PNG image (*.png)"));
    if (path.isEmpty()) return;
    const bool saved = path.endsWith(".png", Qt::CaseInsensitive)
                           ? view->grabImage(kFigureScale).save(path, "PNG")
                           : view->exportVector(path);
    reportSaved(window, saved, path);
}

}  // namespace

void addFigureExportActions(QMenu* menu, QMainWindow* window, widgets::ChartView* chartView) {
    menu->addAction(QObject::tr("Export Chart (SVG, PDF or PNG 2×)…"), window,
                    [window, chartView] { exportChart(window, chartView); });
}

}  // namespace lngeom::app
