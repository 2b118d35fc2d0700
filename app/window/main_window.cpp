#include "app/window/main_window.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QScrollArea>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

#include <algorithm>

#include "app/files/document_list.h"
#include "app/files/file_browser.h"
#include "app/files/file_drop_opener.h"
#include "app/files/generic_file_resolver.h"
#include "app/files/recent_files.h"
#include "app/messages/message_panel.h"
#include "app/reactions/about_reaction.h"
#include "app/reactions/action_enable_state.h"
#include "app/reactions/cancel_pass_reaction.h"
#include "app/reactions/close_file_reaction.h"
#include "app/reactions/export_data_reaction.h"
#include "app/reactions/export_figure_reaction.h"
#include "app/reactions/metric_glossary_reaction.h"
#include "app/reactions/open_file_reaction.h"
#include "app/reactions/reset_layout_reaction.h"
#include "app/reactions/session_reactions.h"
#include "app/reactions/settings_reaction.h"
#include "app/reactions/site_step_reaction.h"
#include "app/reactions/theme_reaction.h"
#include "app/reactions/tour_reaction.h"
#include "app/tour/tour_driver.h"
#include "app/tour/tour_panel.h"
#include "app/window/comparison_choice.h"
#include "app/window/comparison_selector.h"
#include "app/window/pass_progress.h"
#include "app/window/site_selector.h"
#include "app/window/whole_dock_tab_titles.h"
#include "app/window/window_layout.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/comparison_view.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/charts/io_curve_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/charts/layer_heatmap_view.h"
#include "widgets/charts/massive_view.h"
#include "widgets/charts/norm_growth_view.h"
#include "widgets/charts/paper_tables_view.h"
#include "widgets/document/busy_jobs.h"
#include "widgets/document/dump_document.h"
#include "widgets/ellipsoid/ellipsoid_view.h"
#include "widgets/projection/projection_view.h"
#include "widgets/step_through/step_through_panel.h"
#include "widgets/table/token_table_view.h"

namespace lngeom::app {
namespace {

// A spin box is as wide as the longest number of its range by default (±1e12 for a histogram's
// range); typical values fit a narrower box, which keeps the views narrow enough to share the
// window. Combo boxes keep their entries' width (the views' controls wrap instead).
constexpr int kSpinButtonsWidth = 24;

void compactControls(QWidget* view) {
    for (QAbstractSpinBox* box : view->findChildren<QAbstractSpinBox*>())
        box->setMinimumWidth(box->fontMetrics().horizontalAdvance("-00.000") + kSpinButtonsWidth);
}

// The default arrangement's docks as shares of the window, within bounds that keep each readable:
// at 1280 × 800 the central 3D scene keeps at least 400 × 300 px.
constexpr double kLeftShare = 0.19, kRightShare = 0.36, kBottomShare = 0.26;
constexpr int kLeftMin = 250, kLeftMax = 380, kRightMin = 420, kRightMax = 760;
constexpr int kBottomMin = 180, kBottomMax = 340;
// Of the left column, the Files dock's share (the tour's text gets the rest).
constexpr double kFilesShare = 0.34;

// The bounds hold from a 1280 × 800 window up; a smaller one is shared out in proportion.
constexpr int kReferenceWidth = 1280, kReferenceHeight = 800;

int share(int length, int reference, double fraction, int low, int high) {
    const int proportional = int(length * fraction);
    return length < reference ? proportional : std::clamp(proportional, low, high);
}

// What is still too wide scrolls, so a narrow dock stays narrow instead of widening the window
// past the screen.
QScrollArea* scrollable(QWidget* content) {
    compactControls(content);
    auto* area = new QScrollArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

}  // namespace

MainWindow::MainWindow(DocumentList* documents, MessageLog* log, QWidget* parent)
    : QMainWindow(parent), documents_(documents), log_(log), views_(ViewSet::create()) {
    setWindowTitle("lngeom");
    setDockNestingEnabled(true);
    cancelAction_ = new QAction(tr("Cancel &Metrics Pass"), this);
    cancelAction_->setIconText(tr("Cancel"));  // the status bar's button beside the progress
    cancelAction_->setObjectName("cancel-passes");
    cancelAction_->setToolTip(
        tr("Stop computing the metrics of the files still loading; they stay open, marked "
           "cancelled, and their views say so (enabled while a pass runs)"));
    cancelAction_->setStatusTip(cancelAction_->toolTip());
    new CancelPassReaction(cancelAction_, documents);
    recentFiles_ = new RecentFiles(documents, this);
    comparisonChoice_ = new ComparisonChoice(documents);
    new FileDropOpener(this, documents);
    genericFileResolver_ = new GenericFileResolver(documents);
    genericFileResolver_->setChooser(genericFileResolver_->dialogChooser(this));
    createCentralViews();
    createDocks(log);
    keepDockTabTitlesWhole(this);
    createToolBarAndStatus();
    layout_ = std::make_unique<WindowLayout>(this, [this] { arrangeDefaultDocks(); });
    createMenus();
    followCurrentDocument();
    if (!layout_->restore()) layout_->placeForFirstStart();
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent* event) {
    layout_->save();
    QMainWindow::closeEvent(event);
}

bool MainWindow::isSettled() const { return documents_->isSettled() && views_.haveDrawn(); }

QStringList MainWindow::stillLoading() const {
    QStringList waiting;
    for (const widgets::DumpDocument* document : documents_->loading())
        waiting << document->displayName() + " (its statistics pass)";
    for (const QString& view : views_.notDrawn()) waiting << view;
    for (const std::string& label : widgets::busyJobLabels())
        waiting << QString::fromStdString(label);
    return waiting;
}

QDockWidget* MainWindow::addDock(QWidget* content, const QString& title, const QString& name,
                                 Qt::DockWidgetArea area, QDockWidget* tabbedWith) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(scrollable(content));
    addDockWidget(area, dock);
    if (tabbedWith) tabifyDockWidget(tabbedWith, dock);
    return dock;
}

void MainWindow::createCentralViews() {
    centralViews_ = new QTabWidget;
    centralViews_->setObjectName("central-views");
    centralViews_->setDocumentMode(true);
    centralViews_->addTab(scrollable(views_.projection), tr("3D projection"));
    centralViews_->addTab(scrollable(views_.stepThrough), tr("Step-through"));
    centralViews_->addTab(scrollable(views_.ellipsoid), tr("γ-ellipsoid"));
    setCentralWidget(centralViews_);
}

void MainWindow::createDocks(MessageLog* log) {
    fileBrowser_ = new FileBrowser(documents_);
    filesDock_ = addDock(fileBrowser_, tr("Files"), "files", Qt::LeftDockWidgetArea);
    tourPanel_ = new TourPanel;
    tourDock_ = addDock(tourPanel_, tr("Guided tour"), "tour", Qt::LeftDockWidgetArea);
    new TourDriver(tourPanel_, documents_, views_, [this](QWidget* view) { raiseView(view); });
    const auto right = Qt::RightDockWidgetArea;
    chartsDock_ = addDock(views_.histogram, tr("Histogram"), "histogram", right);
    addDock(views_.curves, tr("Curves"), "curves", right, chartsDock_);
    addDock(views_.heatmap, tr("Heatmap"), "heatmap", right, chartsDock_);
    addDock(views_.comparison, tr("Compare"), "compare", right, chartsDock_);
    addDock(views_.normGrowth, tr("Norm growth"), "norm-growth", right, chartsDock_);
    addDock(views_.massive, tr("Massive"), "massive", right, chartsDock_);
    addDock(views_.ioCurve, tr("I/O curve"), "io-curve", right, chartsDock_);
    chartsDock_->raise();
    const auto bottom = Qt::BottomDockWidgetArea;
    tableDock_ = addDock(views_.table, tr("Token table"), "table", bottom);
    addDock(views_.tables, tr("Paper tables"), "paper-tables", bottom, tableDock_);
    messagePanel_ = new MessagePanel(log);
    messageDock_ = addDock(messagePanel_, tr("Messages"), "messages", bottom, tableDock_);
    tableDock_->raise();
    connect(messagePanel_, &MessagePanel::errorShown, messageDock_, &QDockWidget::raise);
    // A dump that cannot show the geometry (e.g. captured after LayerNorm folding) is said where
    // the user looks: the status bar and the messages raised.
    connect(documents_, &DocumentList::warningFound, this,
            [this](widgets::DumpDocument* document, const QString& warning) {
                statusBar()->showMessage(document->displayName() + ": " + warning);
                messageDock_->raise();
            });
}

void MainWindow::arrangeDefaultDocks() {
    const int left = share(width(), kReferenceWidth, kLeftShare, kLeftMin, kLeftMax);
    const int right = share(width(), kReferenceWidth, kRightShare, kRightMin, kRightMax);
    resizeDocks({filesDock_, chartsDock_}, {left, right}, Qt::Horizontal);
    const int bottom = share(height(), kReferenceHeight, kBottomShare, kBottomMin, kBottomMax);
    const int column = height() - bottom;
    const int files = int(column * kFilesShare);
    resizeDocks({filesDock_, tourDock_, tableDock_}, {files, column - files, bottom}, Qt::Vertical);
}

void MainWindow::raiseView(QWidget* view) {
    for (int tab = 0; tab < centralViews_->count(); ++tab)
        if (auto* area = qobject_cast<QScrollArea*>(centralViews_->widget(tab));
            area && area->widget() == view)
            return centralViews_->setCurrentIndex(tab);
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        if (auto* area = qobject_cast<QScrollArea*>(dock->widget());
            area && area->widget() == view) {
            dock->show();
            dock->raise();
        }
}

void MainWindow::createToolBarAndStatus() {
    QToolBar* toolBar = addToolBar(tr("Site"));
    toolBar->setObjectName("site-toolbar");
    toolBar->addWidget(new QLabel(tr(" Norm site ")));
    siteSelector_ = new SiteSelector(documents_);
    toolBar->addWidget(siteSelector_);
    toolBar->addSeparator();
    toolBar->addWidget(new QLabel(tr(" Compare with ")));
    toolBar->addWidget(new ComparisonSelector(documents_, comparisonChoice_));
    passProgress_ = new PassProgress(documents_, cancelAction_);
    statusBar()->addPermanentWidget(passProgress_);
}

void MainWindow::createMenus() {
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setToolTipsVisible(true);
    QAction* open = fileMenu->addAction(tr("&Open…"));
    open->setShortcut(QKeySequence::Open);
    new OpenFileReaction(open, documents_, this);
    fileMenu->addMenu(new RecentFilesMenu(recentFiles_, documents_, fileMenu));
    QAction* close = fileMenu->addAction(tr("&Close"));
    close->setObjectName("close-file");
    close->setShortcut(QKeySequence::Close);
    new CloseFileReaction(close, documents_);
    fileMenu->addSeparator();
    new OpenSessionReaction(fileMenu->addAction(tr("Open &Session…")), this, log_);
    QAction* saveSession = fileMenu->addAction(tr("Sa&ve Session…"));
    saveSession->setObjectName("save-session");
    saveSession->setShortcut(QKeySequence::Save);
    new SaveSessionReaction(saveSession, this, log_);
    fileMenu->addSeparator();
    addExportMenus(fileMenu);
    fileMenu->addSeparator();
    QAction* settings = fileMenu->addAction(tr("Se&ttings…"));
    settings->setObjectName("settings");
    settings->setShortcut(QKeySequence::Preferences);
    new SettingsReaction(settings, documents_, this);
    fileMenu->addAction(cancelAction_);
    QAction* quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    createViewMenu();
    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* tour = helpMenu->addAction(tr("Guided &Tour"));
    tour->setShortcut(QKeySequence::HelpContents);
    new TourReaction(tour, tourDock_, tourPanel_);
    new MetricGlossaryReaction(helpMenu->addAction(tr("&Metric Definitions")), this);
    new AboutReaction(helpMenu->addAction(tr("&About lngeom")), this);
}

void MainWindow::addExportMenus(QMenu* fileMenu) {
    QMenu* figures = fileMenu->addMenu(tr("Export &Figure"));
    figures->setObjectName("export-figure");
    const std::pair<QString, QWidget*> shown[] = {
        {tr("&3D Projection…"), views_.projection},   {tr("&Histogram…"), views_.histogram},
        {tr("Layer &Curves…"), views_.curves},        {tr("Layer Heat&map…"), views_.heatmap},
        {tr("&Norm Growth…"), views_.normGrowth},     {tr("&Massive Activations…"), views_.massive},
        {tr("&Input–Output Curve…"), views_.ioCurve}, {tr("γ-&Ellipsoid…"), views_.ellipsoid},
        {tr("&Step-Through…"), views_.stepThrough}};
    for (const auto& [title, view] : shown) {
        QAction* action = figures->addAction(title);
        new ExportFigureReaction(action, view, statusBar(), log_);
        enableWhen(action, documents_, ActionNeeds::ComputedFile);
    }
    QMenu* data = fileMenu->addMenu(tr("Export &Data"));
    data->setObjectName("export-data");
    const auto current = [this] { return documents_->current(); };
    const std::pair<QString, DataExportKind> kinds[] = {
        {tr("Metrics of &All Tokens (CSV)…"), DataExportKind::AllTokens},
        {tr("Metrics of the &Selected Tokens (CSV)…"), DataExportKind::SelectedTokens},
        {tr("Site &Statistics (JSON, CSV or text)…"), DataExportKind::SiteStatistics}};
    for (const auto& [title, kind] : kinds) {
        QAction* action = data->addAction(title);
        new ExportDataReaction(action, kind, current, statusBar(), log_);
        enableWhen(action, documents_, ActionNeeds::ComputedFile);
    }
}

void MainWindow::createViewMenu() {
    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* previous = viewMenu->addAction(tr("&Previous site"));
    previous->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_PageUp), QKeySequence(Qt::CTRL | Qt::Key_Up)});
    new SiteStepReaction(previous, documents_, SiteStepReaction::Step::Previous);
    QAction* next = viewMenu->addAction(tr("&Next site"));
    next->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_PageDown), QKeySequence(Qt::CTRL | Qt::Key_Down)});
    new SiteStepReaction(next, documents_, SiteStepReaction::Step::Next);
    viewMenu->addSeparator();
    for (const auto& [title, view] :
         {std::pair{tr("Show 3D &Projection"), static_cast<QWidget*>(views_.projection)},
          std::pair{tr("Show &Step-Through"), static_cast<QWidget*>(views_.stepThrough)},
          std::pair{tr("Show &γ-Ellipsoid"), static_cast<QWidget*>(views_.ellipsoid)}})
        connect(viewMenu->addAction(title), &QAction::triggered, this,
                [this, view = view] { raiseView(view); });
    viewMenu->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        viewMenu->addAction(dock->toggleViewAction());
    ThemeReaction::addThemeActions(viewMenu->addMenu(tr("&Theme")));
    viewMenu->addSeparator();
    new ResetLayoutReaction(viewMenu->addAction(tr("&Reset layout")), layout_.get());
}

void MainWindow::followCurrentDocument() {
    const auto show = [this](widgets::DumpDocument* document) {
        views_.setDocument(document);
        setWindowTitle(document ? document->displayName() + " — lngeom" : "lngeom");
    };
    connect(documents_, &DocumentList::currentChanged, this, show);
    show(documents_->current());
    connect(comparisonChoice_, &ComparisonChoice::changed, this,
            [this](widgets::DumpDocument* document) { views_.setComparisonDocument(document); });
    views_.setComparisonDocument(comparisonChoice_->comparison());
}

}  // namespace lngeom::app
