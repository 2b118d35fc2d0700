#pragma once
// A row of control groups that stacks them in a column when the row is narrower than their
// one-line width, so a view's controls wrap instead of widening it (and its scroll area) past a
// laptop window's share. Each group stays on one line.

#include <QWidget>

class QBoxLayout;
class QHBoxLayout;

namespace lngeom::widgets {

class WrappingRow : public QWidget {
  public:
    explicit WrappingRow(QWidget* parent = nullptr);

    // A new group, appended; add its widgets to the returned layout.
    QHBoxLayout* addGroup();

    // The widest group's: the row can always wrap down to it.
    QSize minimumSizeHint() const override;

  protected:
    void resizeEvent(QResizeEvent* event) override;

  private:
    int oneLineWidth() const;

    QBoxLayout* groups_;
};

}  // namespace lngeom::widgets
