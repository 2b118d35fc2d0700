#pragma once
// The lngeom main window: it assembles the docks (files, views, messages), the site selector,
// the progress of running passes, and one reaction object per action. What an action does
// lives in its reaction; what a view shows lives in the view.
// The two 3D scenes (the projection and the step-through) share the central area as tabs, so
// the one raised gets the window's largest room; the charts are tabbed docks on the right, the
// table, tables and messages tabbed docks at the bottom. A new view is one addDock() line in
// createDocks() (tabbed with a dock of its area) and one line in arrangeDefaultDocks() if its
// area needs another size.

#include <QMainWindow>
#include <QStringList>

#include <memory>

#include "app/window/view_set.h"

class QDockWidget;
class QTabWidget;

namespace lngeom::app {

class ComparisonChoice;
class DocumentList;
class FileBrowser;
class GenericFileResolver;
class MessageLog;
class MessagePanel;
class PassProgress;
class RecentFiles;
class SiteSelector;
class TourPanel;
class WindowLayout;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    MainWindow(DocumentList* documents, MessageLog* log, QWidget* parent = nullptr);
    ~MainWindow() override;

    DocumentList* documents() const { return documents_; }
    MessageLog* log() const { return log_; }
    FileBrowser* fileBrowser() const { return fileBrowser_; }
    MessagePanel* messagePanel() const { return messagePanel_; }
    SiteSelector* siteSelector() const { return siteSelector_; }
    PassProgress* passProgress() const { return passProgress_; }
    const ViewSet& views() const { return views_; }
    widgets::HistogramView* histogramView() const { return views_.histogram; }
    TourPanel* tourPanel() const { return tourPanel_; }
    WindowLayout* layout() const { return layout_.get(); }
    RecentFiles* recentFiles() const { return recentFiles_; }
    ComparisonChoice* comparisonChoice() const { return comparisonChoice_; }
    GenericFileResolver* genericFileResolver() const { return genericFileResolver_; }
    // The tabs of the central area: the 3D projection and the step-through.
    QTabWidget* centralViews() const { return centralViews_; }
    // Brings `view` (one of views()) to the front: raises its central tab or its dock.
    void raiseView(QWidget* view);
    // Every pass has ended and every view has drawn at least once.
    bool isSettled() const;
    // What is still loading: files whose pass runs, views not drawn yet, views whose background
    // jobs run (e.g. "the 3D projection"); empty when everything shows its result.
    QStringList stillLoading() const;

  protected:
    void closeEvent(QCloseEvent* event) override;

  private:
    QDockWidget* addDock(QWidget* content, const QString& title, const QString& name,
                         Qt::DockWidgetArea area, QDockWidget* tabbedWith = nullptr);
    void createCentralViews();
    void createDocks(MessageLog* log);
    // Sizes the default arrangement's docks in proportion to the window's size.
    void arrangeDefaultDocks();
    void createToolBarAndStatus();
    void createMenus();
    void createViewMenu();
    void addExportMenus(QMenu* fileMenu);
    void followCurrentDocument();

    DocumentList* documents_;
    MessageLog* log_;
    FileBrowser* fileBrowser_ = nullptr;
    MessagePanel* messagePanel_ = nullptr;
    SiteSelector* siteSelector_ = nullptr;
    PassProgress* passProgress_ = nullptr;
    ViewSet views_;
    QTabWidget* centralViews_ = nullptr;
    QDockWidget* filesDock_ = nullptr;
    QDockWidget* chartsDock_ = nullptr;
    QDockWidget* tableDock_ = nullptr;
    QDockWidget* messageDock_ = nullptr;
    TourPanel* tourPanel_ = nullptr;
    QDockWidget* tourDock_ = nullptr;
    QAction* cancelAction_ = nullptr;
    RecentFiles* recentFiles_ = nullptr;
    ComparisonChoice* comparisonChoice_ = nullptr;
    GenericFileResolver* genericFileResolver_ = nullptr;
    std::unique_ptr<WindowLayout> layout_;
};

}  // namespace lngeom::app
