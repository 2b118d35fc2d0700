#pragma once
// The Tour dock (teaching mode): one step of the guided tour at a time, with Back / Next, and
// each step shown in the real views (tour_driver.h).

#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace lngeom::app {

class TourPanel : public QWidget {
    Q_OBJECT
  public:
    explicit TourPanel(QWidget* parent = nullptr);

    int step() const { return step_; }
    // Shows step `step`'s title and text (its numbers "…" until showText() gives them).
    void showStep(int step);
    // The current step's text, with the numbers of the data shown.
    void showText(const QString& html);
    QString text() const;

  signals:
    void stepShown(int step);

  private:
    QTextBrowser* browser_;
    QLabel* counter_;
    QPushButton* back_;
    QPushButton* next_;
    int step_ = 0;
};

}  // namespace lngeom::app
