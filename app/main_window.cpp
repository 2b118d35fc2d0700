#include "app/main_window.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

#include "app/document_list.h"
#include "app/figure_export_actions.h"
#include "app/file_browser.h"
#include "app/file_drop_opener.h"
#include "app/generic_file_resolver.h"
#include "app/message_panel.h"
#include "app/pass_progress.h"
#include "app/reactions/about_reaction.h"
#include "app/reactions/cancel_pass_reaction.h"
#include "app/reactions/metric_glossary_reaction.h"
#include "app/reactions/open_file_reaction.h"
#include "app/reactions/reset_layout_reaction.h"
#include "app/reactions/session_reactions.h"
#include "app/reactions/site_step_reaction.h"
#include "app/reactions/theme_reaction.h"
#include "app/reactions/tour_reaction.h"
#include "app/recent_files.h"
#include "app/site_selector.h"
#include "app/tour_driver.h"
#include "app/tour_panel.h"
#include "app/window_layout.h"
#include "widgets/chart_view.h"
#include "widgets/histogram_view.h"

namespace lngeom::app {

MainWindow::MainWindow(DocumentList* documents, MessageLog* log, QWidget* parent)
    : QMainWindow(parent), documents_(documents), log_(log) {
    setWindowTitle("lngeom");
    setDockNestingEnabled(true);
    cancelAction_ = new QAction(tr("Cancel"), this);
    cancelAction_->setObjectName("cancel-passes");
    cancelAction_->setToolTip(tr("Stop the metrics passes still running (the files stay open)"));
    new CancelPassReaction(cancelAction_, documents);
    recentFiles_ = new RecentFiles(documents, this);
    new FileDropOpener(this, documents);
    genericFileResolver_ =
        new GenericFileResolver(documents, GenericFileResolver::dialogChooser(this));
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

bool MainWindow::isSettled() const {
    return documents_->isSettled() && histogramView_->chartView()->renderCount() > 0;
}

QDockWidget* MainWindow::addDock(QWidget* content, const QString& title, const QString& name,
                                 Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(content);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createDocks(MessageLog* log) {
    histogramView_ = new widgets::HistogramView;
    setCentralWidget(histogramView_);
    fileBrowser_ = new FileBrowser(documents_);
    addDock(fileBrowser_, tr("Files"), "files", Qt::LeftDockWidgetArea);
    messagePanel_ = new MessagePanel(log);
    messageDock_ = addDock(messagePanel_, tr("Messages"), "messages", Qt::BottomDockWidgetArea);
    connect(messagePanel_, &MessagePanel::errorShown, messageDock_, &QDockWidget::raise);
    tourPanel_ = new TourPanel;
    tourDock_ = addDock(tourPanel_, tr("Guided tour"), "tour", Qt::RightDockWidgetArea);
    new TourDriver(tourPanel_, documents_, histogramView_);
    const QList<QDockWidget*> sideDocks{findChild<QDockWidget*>("files"), tourDock_};
    resizeDocks(sideDocks, {380, 320}, Qt::Horizontal);
    resizeDocks({messageDock_}, {110}, Qt::Vertical);
}

void MainWindow::createToolBarAndStatus() {
    QToolBar* toolBar = addToolBar(tr("Site"));
    toolBar->setObjectName("site-toolbar");
    toolBar->addWidget(new QLabel(tr(" Norm site ")));
    siteSelector_ = new SiteSelector(documents_);
    toolBar->addWidget(siteSelector_);
    passProgress_ = new PassProgress(documents_, cancelAction_);
    statusBar()->addPermanentWidget(passProgress_);
}

void MainWindow::createMenus() {
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* open = fileMenu->addAction(tr("&Open…"));
    open->setShortcut(QKeySequence::Open);
    new OpenFileReaction(open, documents_, this);
    fileMenu->addMenu(new RecentFilesMenu(recentFiles_, documents_, fileMenu));
    fileMenu->addSeparator();
    new OpenSessionReaction(fileMenu->addAction(tr("Open &Session…")), this, log_);
    QAction* saveSession = fileMenu->addAction(tr("Sa&ve Session…"));
    saveSession->setShortcut(QKeySequence::Save);
    new SaveSessionReaction(saveSession, this, log_);
    fileMenu->addSeparator();
    addFigureExportActions(fileMenu, this, histogramView_->chartView());
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

void MainWindow::createViewMenu() {
    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* previous = viewMenu->addAction(tr("&Previous site"));
    previous->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_PageUp), QKeySequence(Qt::CTRL | Qt::Key_Up)});
    new SiteStepReaction(previous, documents_, -1);
    QAction* next = viewMenu->addAction(tr("&Next site"));
    next->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_PageDown), QKeySequence(Qt::CTRL | Qt::Key_Down)});
    new SiteStepReaction(next, documents_, +1);
    viewMenu->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        viewMenu->addAction(dock->toggleViewAction());
    ThemeReaction::addThemeActions(viewMenu->addMenu(tr("&Theme")));
    viewMenu->addSeparator();
    new ResetLayoutReaction(viewMenu->addAction(tr("&Reset layout")), layout_.get());
}

void MainWindow::followCurrentDocument() {
    const auto show = [this](widgets::DumpDocument* document) {
        histogramView_->setDocument(document);
    };
    connect(documents_, &DocumentList::currentChanged, this, show);
    show(documents_->current());
}

}  // namespace lngeom::app
