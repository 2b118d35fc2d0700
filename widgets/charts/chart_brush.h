#pragma once
// Left-button brushing on a ChartView: a drag (or a click) reports the data coordinates it
// covered instead of panning the chart; the wheel still zooms and the middle button pans.

#include <QObject>
#include <QPoint>
#include <QPointF>

namespace lngeom::widgets {

class ChartView;

// Data coordinates (bottom and left axes) under a widget position of the view's plot area.
QPointF chartDataPoint(const ChartView& view, QPoint widgetPosition);

class ChartBrush : public QObject {
    Q_OBJECT
  public:
    // Installs itself on `view` (and is owned by it).
    explicit ChartBrush(ChartView* view);

  signals:
    // From press to release, in data coordinates; a click gives from == to.
    void brushed(QPointF from, QPointF to);
    // The press landed outside the plot area.
    void clickedOutside();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    bool insidePlot(QPoint widgetPosition) const;

    ChartView* view_;
    QPoint pressPosition_;
    bool pressed_ = false;
};

}  // namespace lngeom::widgets
