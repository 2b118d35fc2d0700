#include "widgets/charts/chart_brush.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <QMouseEvent>

#include "widgets/charts/chart_view.h"

namespace lngeom::widgets {
namespace {

// Clicks that move less than this (in pixels) are clicks, not drags.
constexpr int kClickSlop = 3;

// The chart's plot area works in device pixels with y up; Qt's positions are logical, y down.
QPointF scenePoint(const ChartView& view, QPoint widgetPosition) {
    const double ratio = view.devicePixelRatioF();
    return {widgetPosition.x() * ratio, (view.height() - widgetPosition.y()) * ratio};
}

double axisValue(vtkAxis* axis, double pixel, int pixelLow, int pixelHigh) {
    const double fraction = (pixel - pixelLow) / double(std::max(pixelHigh - pixelLow, 1));
    return axis->GetMinimum() + fraction * (axis->GetMaximum() - axis->GetMinimum());
}

}  // namespace

QPointF chartDataPoint(const ChartView& view, QPoint widgetPosition) {
    vtkChartXY* chart = view.chart();
    const QPointF scene = scenePoint(view, widgetPosition);
    const int* low = chart->GetPoint1();
    const int* high = chart->GetPoint2();
    return {axisValue(chart->GetAxis(vtkAxis::BOTTOM), scene.x(), low[0], high[0]),
            axisValue(chart->GetAxis(vtkAxis::LEFT), scene.y(), low[1], high[1])};
}

ChartBrush::ChartBrush(ChartView* view) : QObject(view), view_(view) {
    view->installEventFilter(this);
}

bool ChartBrush::insidePlot(QPoint widgetPosition) const {
    const QPointF scene = scenePoint(*view_, widgetPosition);
    const int* low = view_->chart()->GetPoint1();
    const int* high = view_->chart()->GetPoint2();
    return scene.x() >= low[0] && scene.x() <= high[0] && scene.y() >= low[1] &&
           scene.y() <= high[1];
}

bool ChartBrush::eventFilter(QObject* watched, QEvent* event) {
    if (watched != view_) return false;
    const auto type = event->type();
    if (type != QEvent::MouseButtonPress && type != QEvent::MouseButtonRelease &&
        type != QEvent::MouseMove && type != QEvent::MouseButtonDblClick)
        return false;
    auto* mouse = static_cast<QMouseEvent*>(event);
    const bool leftButton =
        mouse->button() == Qt::LeftButton || (mouse->buttons() & Qt::LeftButton);
    if (!leftButton && !pressed_) return false;
    const QPoint position = mouse->position().toPoint();
    if (type == QEvent::MouseButtonPress) {
        pressed_ = insidePlot(position);
        pressPosition_ = position;
        if (!pressed_) emit clickedOutside();
    } else if (type == QEvent::MouseButtonRelease && pressed_) {
        pressed_ = false;
        const bool click = (position - pressPosition_).manhattanLength() < kClickSlop;
        const QPointF from = chartDataPoint(*view_, pressPosition_);
        emit brushed(from, click ? from : chartDataPoint(*view_, position));
    }
    return true;
}

}  // namespace lngeom::widgets
