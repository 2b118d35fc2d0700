#include "app/window/main_window.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QScrollArea>
#include <QStatusBar>
#include <QToolBar>

#include "app/files/document_list.h"
#include "app/files/file_browser.h"
#include "app/files/file_drop_opener.h"
#include "app/files/generic_file_resolver.h"
#include "app/files/recent_files.h"
#include "app/messages/message_panel.h"
#include "app/reactions/about_reaction.h"
#include "app/reactions/cancel_pass_reaction.h"
#include "app/reactions/close_file_reaction.h"
#include "app/reactions/export_data_reaction.h"
#include "app/reactions/export_figure_reaction.h"
#include "app/reactions/metric_glossary_reaction.h"
#include "app/reactions/open_file_reaction.h"
#include "app/reactions/reset_layout_reaction.h"
#include "app/reactions/session_reactions.h"
#include "app/reactions/site_step_reaction.h"
#include "app/reactions/theme_reaction.h"
#include "app/reactions/tour_reaction.h"
#include "app/tour/tour_driver.h"
#include "app/tour/tour_panel.h"
#include "app/window/comparison_choice.h"
#include "app/window/comparison_selector.h"
#include "app/window/pass_progress.h"
#include "app/window/site_selector.h"
#include "app/window/window_layout.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/comparison_view.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/charts/layer_heatmap_view.h"
#include "widgets/charts/paper_tables_view.h"
#include "widgets/ellipsoid/ellipsoid_view.h"
#include "widgets/projection/projection_view.h"
#include "widgets/step_through/step_through_panel.h"
#include "widgets/table/token_table_view.h"

namespace lngeom::app {
namespace {

// Views keep their controls in one row, and a combo box is as wide as its longest entry by
// default, a spin box as wide as the longest number of its range (±1e12 for a histogram's
// range); letting the boxes shrink (entries stay readable in their pop-ups, typical values in
// the box) keeps the views narrow enough to share the window.
constexpr int kSpinButtonsWidth = 24;

void compactControls(QWidget* view) {
    for (QComboBox* box : view->findChildren<QComboBox*>()) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(5);
    }
    for (QAbstractSpinBox* box : view->findChildren<QAbstractSpinBox*>())
        box->setMinimumWidth(box->fontMetrics().horizontalAdvance("-00.000") + kSpinButtonsWidth);
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
    cancelAction_ = new QAction(tr("Cancel"), this);
    cancelAction_->setObjectName("cancel-passes");
    cancelAction_->setToolTip(tr("Stop the metrics passes still running (the files stay open)"));
    new CancelPassReaction(cancelAction_, documents);
    recentFiles_ = new RecentFiles(documents, this);
    comparisonChoice_ = new ComparisonChoice(documents);
    new FileDropOpener(this, documents);
    genericFileResolver_ = new GenericFileResolver(documents);
    genericFileResolver_->setChooser(genericFileResolver_->dialogChooser(this));
    createDocks(log);
    createToolBarAndStatus();
    layout_ = std::make_unique<WindowLayout>(this);
    createMenus();
    followCurrentDocument();
    layout_->restore();
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent* event) {
    layout_->save();
    QMainWindow::closeEvent(event);
}

bool MainWindow::isSettled() const { return documents_->isSettled() && views_.haveDrawn(); }

QDockWidget* MainWindow::addDock(QWidget* content, const QString& title, const QString& name,
                                 Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(scrollable(content));
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createDocks(MessageLog* log) {
    setCentralWidget(scrollable(views_.projection));
    fileBrowser_ = new FileBrowser(documents_);
    QDockWidget* files = addDock(fileBrowser_, tr("Files"), "files", Qt::LeftDockWidgetArea);
    tourPanel_ = new TourPanel;
    tourDock_ = addDock(tourPanel_, tr("Guided tour"), "tour", Qt::LeftDockWidgetArea);
    new TourDriver(tourPanel_, documents_, views_);
    QDockWidget* histogram =
        addDock(views_.histogram, tr("Histogram"), "histogram", Qt::RightDockWidgetArea);
    tabifyDockWidget(histogram,
                     addDock(views_.curves, tr("Layer curves"), "curves", Qt::RightDockWidgetArea));
    tabifyDockWidget(histogram, addDock(views_.heatmap, tr("Layer heatmap"), "heatmap",
                                        Qt::RightDockWidgetArea));
    tabifyDockWidget(histogram,
                     addDock(views_.comparison, tr("Compare"), "compare", Qt::RightDockWidgetArea));
    tabifyDockWidget(histogram, addDock(views_.ellipsoid, tr("γ-ellipsoid"), "ellipsoid",
                                        Qt::RightDockWidgetArea));
    histogram->raise();
    QDockWidget* table =
        addDock(views_.table, tr("Token table"), "table", Qt::BottomDockWidgetArea);
    tabifyDockWidget(table, addDock(views_.stepThrough, tr("Step-through"), "step-through",
                                    Qt::BottomDockWidgetArea));
    tabifyDockWidget(table, addDock(views_.tables, tr("Paper tables"), "paper-tables",
                                    Qt::BottomDockWidgetArea));
    messagePanel_ = new MessagePanel(log);
    messageDock_ = addDock(messagePanel_, tr("Messages"), "messages", Qt::BottomDockWidgetArea);
    tabifyDockWidget(table, messageDock_);
    table->raise();
    connect(messagePanel_, &MessagePanel::errorShown, messageDock_, &QDockWidget::raise);
    resizeDocks({files, histogram}, {260, 680}, Qt::Horizontal);
    resizeDocks({files, tourDock_, table}, {260, 420, 230}, Qt::Vertical);
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
    saveSession->setShortcut(QKeySequence::Save);
    new SaveSessionReaction(saveSession, this, log_);
    fileMenu->addSeparator();
    addExportMenus(fileMenu);
    fileMenu->addSeparator();
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
    const std::pair<QString, QWidget*> shown[] = {{tr("&3D Projection…"), views_.projection},
                                                  {tr("&Histogram…"), views_.histogram},
                                                  {tr("Layer &Curves…"), views_.curves},
                                                  {tr("Layer Heat&map…"), views_.heatmap},
                                                  {tr("&Step-Through…"), views_.stepThrough}};
    for (const auto& [title, view] : shown)
        new ExportFigureReaction(figures->addAction(title), view, statusBar(), log_);
    QMenu* data = fileMenu->addMenu(tr("Export &Data"));
    const auto current = [this] { return documents_->current(); };
    const std::pair<QString, DataExportKind> kinds[] = {
        {tr("Metrics of &All Tokens (CSV)…"), DataExportKind::AllTokens},
        {tr("Metrics of the &Selected Tokens (CSV)…"), DataExportKind::SelectedTokens},
        {tr("Site &Statistics (JSON, CSV or text)…"), DataExportKind::SiteStatistics}};
    for (const auto& [title, kind] : kinds)
        new ExportDataReaction(data->addAction(title), kind, current, statusBar(), log_);
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
