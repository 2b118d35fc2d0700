#pragma once
// File-menu actions that save the views as figures: the chart as vector graphics (SVG or PDF)
// or as a PNG at twice the screen resolution.

class QMainWindow;
class QMenu;

namespace lngeom::widgets {
class ChartView;
}

namespace lngeom::app {

void addFigureExportActions(QMenu* menu, QMainWindow* window, widgets::ChartView* chartView);

}  // namespace lngeom::app
