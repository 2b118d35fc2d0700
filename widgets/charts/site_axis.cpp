#include "widgets/charts/site_axis.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>
#include <limits>
#include <string>

#include "widgets/charts/chart_brush.h"
#include "widgets/charts/chart_plots.h"
#include "widgets/charts/chart_view.h"
#include "widgets/support/wrapping_row.h"

namespace lngeom::widgets {

std::vector<double> inForwardOrder(const std::vector<AlignedSite>& rows,
                                   const std::vector<double>& values) {
    std::vector<double> ordered;
    ordered.reserve(rows.size());
    for (const AlignedSite& row : rows)
        ordered.push_back(row.left && *row.left < values.size()
                              ? values[*row.left]
                              : std::numeric_limits<double>::quiet_NaN());
    return ordered;
}

void setSiteAxis(ChartView& chart, const std::vector<AlignedSite>& rows) {
    setFixedAxis(chart.chart()->GetAxis(vtkAxis::BOTTOM), "site (layer·norm)", -0.5,
                 double(rows.size()) - 0.5);
    std::vector<std::string> labels;
    for (const AlignedSite& row : rows) labels.push_back(row.label);
    chart.setCategories(vtkAxis::BOTTOM, std::move(labels));
}

std::optional<SiteIndex> siteAt(const std::vector<AlignedSite>& rows, double x) {
    const long row = std::lround(x);
    if (row < 0 || row >= long(rows.size())) return std::nullopt;
    return rows[std::size_t(row)].left;
}

void layOutSiteChart(QWidget* view, ChartView* chart, QLabel* caption,
                     std::function<void(double x)> clicked, std::initializer_list<QWidget*> row) {
    caption->setWordWrap(true);
    caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(view);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(chart, 1);
    if (row.size() > 0) {
        // The last widget (a small chart) fills the rest of its line; on a narrow dock it goes
        // below the others rather than squeezing beside them.
        auto* between = new WrappingRow(view);
        for (QWidget* widget : row)
            between->addGroup(widget == *(row.end() - 1))->addWidget(widget);
        layout->addWidget(between);
    }
    layout->addWidget(caption);
    auto* brush = new ChartBrush(chart);
    QObject::connect(brush, &ChartBrush::brushed, view,
                     [clicked = std::move(clicked)](QPointF from, QPointF) { clicked(from.x()); });
    chart->setToolTip(QObject::tr("Click a site to make it the current site of every view."));
}

}  // namespace lngeom::widgets
