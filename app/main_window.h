#pragma once
// The lngeom main window: a 3D view of the normalization geometry beside a chart view.

#include <QMainWindow>

namespace lngeom::widgets {
class ChartView;
class VtkViewWidget;
}  // namespace lngeom::widgets

namespace lngeom::app {

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);

    widgets::VtkViewWidget* sceneView() const { return sceneView_; }
    widgets::ChartView* chartView() const { return chartView_; }
    // True once every view has rendered at least one frame.
    bool viewsHaveRendered() const;

  private:
    void showGaussianDemo();
    void createMenus();

    widgets::VtkViewWidget* sceneView_;
    widgets::ChartView* chartView_;
};

}  // namespace lngeom::app
