#include "app/main_window.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>

#include "app/about_dialog.h"
#include "app/figure_export_actions.h"
#include "app/gaussian_demo_data.h"
#include "widgets/chart_view.h"
#include "widgets/normalization_scene.h"
#include "widgets/vtk_view_widget.h"

namespace lngeom::app {
namespace {

constexpr int kDemoDimension = 64;
constexpr int kDemoVectors = 20000;
constexpr int kDemoShownPoints = 400;
constexpr unsigned kDemoSeed = 2409;

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      sceneView_(new widgets::VtkViewWidget),
      chartView_(new widgets::ChartView) {
    setWindowTitle("lngeom");
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(sceneView_);
    splitter->addWidget(chartView_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);
    createMenus();
    showGaussianDemo();
}

bool MainWindow::viewsHaveRendered() const {
    return sceneView_->renderCount() > 0 && chartView_->renderCount() > 0;
}

void MainWindow::showGaussianDemo() {
    const GaussianDemoData demo =
        makeGaussianDemoData(kDemoDimension, kDemoVectors, kDemoShownPoints, kDemoSeed);
    widgets::addNormalizationScene(sceneView_->renderer(), demo.scene);
    sceneView_->requestRender();
    const std::string dimension = std::to_string(demo.dimension);
    chartView_->showBars({demo.angleEdges, demo.angleCounts},
                         {"Angle to 1 of " + std::to_string(kDemoVectors) +
                              " random Gaussian vectors, d = " + dimension,
                          "angle to 1 (degrees)", "vectors"});
    statusBar()->showMessage(
        QString("Sample: %1 random Gaussian vectors in d = %2; %3 shown in 3D at their true "
                "norm and angle to 1 (colour: blue 70° → red 110°). Sphere radius √d.")
            .arg(kDemoVectors)
            .arg(demo.dimension)
            .arg(kDemoShownPoints));
}

void MainWindow::createMenus() {
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    addFigureExportActions(fileMenu, this, sceneView_, chartView_);
    fileMenu->addSeparator();
    QAction* quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About lngeom"), this, [this] { showAboutDialog(this); });
}

}  // namespace lngeom::app
