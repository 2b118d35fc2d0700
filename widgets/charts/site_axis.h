#pragma once
// The charts over every site in forward order (norm growth, massive
// activations): per-site series put in that order, the site labels as
// categories, the site under a click, and the view's layout of its chart over
// its caption.

#include <functional>
#include <optional>
#include <vector>

#include "core/charts/site_alignment.h"

class QLabel;
class QWidget;

namespace lngeom::widgets {

class ChartView;

// values[i] is site i's; the result has one entry per row (NaN for a row
// without a site).
std::vector<double> inForwardOrder(const std::vector<AlignedSite>& rows,
                                   const std::vector<double>& values);

// The bottom axis from −0.5 to rows − 0.5, titled and labelled with the sites.
void setSiteAxis(ChartView& chart, const std::vector<AlignedSite>& rows);

// The site of the row nearest to x, if any.
std::optional<SiteIndex> siteAt(const std::vector<AlignedSite>& rows, double x);

// Lays `chart` out over `caption` (wrapped, selectable) in `view`, with the widgets of `row` (if
// any) between them, side by side where they fit and on further lines where not, the last one
// filling the rest of its line; a click on the chart calls `clicked` with its x.
void layOutSiteChart(QWidget* view, ChartView* chart, QLabel* caption,
                     std::function<void(double x)> clicked,
                     std::initializer_list<QWidget*> row = {});

}  // namespace lngeom::widgets
