#pragma once
// File-menu actions that save the views as figures: the 3D view as a PNG at twice the screen
// resolution, the chart as vector graphics (SVG or PDF).

class QMainWindow;
class QMenu;

namespace lngeom::widgets {
class ChartView;
class VtkViewWidget;
}  // namespace lngeom::widgets

namespace lngeom::app {

void addFigureExportActions(QMenu* menu, QMainWindow* window, widgets::VtkViewWidget* sceneView,
                            widgets::ChartView* chartView);

}  // namespace lngeom::app
