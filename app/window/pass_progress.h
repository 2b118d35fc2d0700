#pragma once
// The status bar's progress of the metrics passes running: which file, how far, vectors per
// second, time left, and a Cancel button. Hidden when no pass runs.

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;

namespace lngeom::widgets {
class DumpDocument;
}

namespace lngeom::app {

class DocumentList;

// Rate and time left of a pass from its progress reports.
class ThroughputEstimate {
  public:
    void start();
    void update(qint64 rowsDone, qint64 rowsTotal);
    double rowsPerSecond() const;
    // Negative while unknown.
    double secondsLeft() const;

  private:
    QElapsedTimer clock_;
    qint64 rowsDone_ = 0;
    qint64 rowsTotal_ = 0;
};

class PassProgress : public QWidget {
    Q_OBJECT
  public:
    // `cancelAction` is the button's action (it cancels every running pass).
    PassProgress(DocumentList* documents, QAction* cancelAction, QWidget* parent = nullptr);

    QString text() const;

  private:
    void track(widgets::DumpDocument* document);
    void showProgress(widgets::DumpDocument* document, qint64 rowsDone, qint64 rowsTotal);
    void updateVisibility();

    DocumentList* documents_;
    QHash<widgets::DumpDocument*, ThroughputEstimate> estimates_;
    QLabel* label_;
    QProgressBar* bar_;
};

}  // namespace lngeom::app
