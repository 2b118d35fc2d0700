#pragma once
// A row of control groups that flows onto further lines when the row is narrower than their
// one-line width, so a view's controls wrap instead of widening it (and its scroll area) past a
// laptop window's share, and no control has to be cut to fit. Each group stays on one line; a
// stretching group (a small chart beside its controls) fills the rest of its line.

#include <QWidget>

#include <vector>

class QHBoxLayout;

namespace lngeom::widgets {

class WrappingRow : public QWidget {
  public:
    explicit WrappingRow(QWidget* parent = nullptr);

    // A new group, appended; add its widgets to the returned layout. A stretching group (a chart)
    // takes the rest of its line.
    QHBoxLayout* addGroup(bool stretches = false);

    // All groups on one line.
    QSize sizeHint() const override;
    // The widest group's smallest width: the row can always wrap down to it (a group alone on a
    // line narrower than its natural width squeezes its controls to their minimum).
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

  protected:
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;

  private:
    // Lays the groups out in lines of at most `width` pixels and returns the height they take;
    // moves them there when `place` is set.
    int flow(int width, bool place) const;

    std::vector<QWidget*> groups_;
    std::vector<bool> stretches_;  // per group
};

}  // namespace lngeom::widgets
