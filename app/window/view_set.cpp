#include "app/window/view_set.h"

#include "widgets/charts/chart_view.h"
#include "widgets/charts/comparison_view.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/charts/io_curve_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/charts/layer_heatmap_view.h"
#include "widgets/charts/massive_view.h"
#include "widgets/charts/norm_growth_view.h"
#include "widgets/charts/paper_tables_view.h"
#include "widgets/document/dump_document.h"
#include "widgets/ellipsoid/ellipsoid_view.h"
#include "widgets/projection/projection_view.h"
#include "widgets/step_through/step_through_panel.h"
#include "widgets/table/token_table_view.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::app {

ViewSet ViewSet::create() {
    return {
        new widgets::ProjectionView,  new widgets::StepThroughPanel, new widgets::HistogramView,
        new widgets::TokenTableView,  new widgets::LayerCurvesView,  new widgets::LayerHeatmapView,
        new widgets::PaperTablesView, new widgets::ComparisonView,   new widgets::EllipsoidView,
        new widgets::NormGrowthView,  new widgets::MassiveView,      new widgets::IoCurveView};
}

void ViewSet::setDocument(widgets::DumpDocument* document) const {
    projection->setDocument(document);
    stepThrough->setDocument(document);
    histogram->setDocument(document);
    table->setDocument(document);
    curves->setDocument(document);
    heatmap->setDocument(document);
    tables->setDocument(document);
    comparison->setDocument(document);
    ellipsoid->setDocument(document);
    normGrowth->setDocument(document);
    massive->setDocument(document);
    ioCurve->setDocument(document);
}

void ViewSet::setComparisonDocument(widgets::DumpDocument* document) const {
    histogram->setComparisonDocument(document);
    curves->setComparisonDocument(document);
    tables->setComparisonDocument(document);
    comparison->setComparisonDocument(document);
}

bool ViewSet::haveDrawn() const { return notDrawn().empty(); }

std::vector<QString> ViewSet::notDrawn() const {
    std::vector<QString> waiting;
    if (histogram->chartView()->renderCount() == 0) waiting.push_back("the histogram (not drawn)");
    if (projection->sceneView()->renderCount() == 0)
        waiting.push_back("the 3D projection (not drawn)");
    const widgets::DumpDocument* document = projection->document();
    const bool cloudDue = document && document->state() == widgets::DumpDocument::State::Ready;
    if (cloudDue && !projection->shownCloud()) waiting.push_back("the 3D projection's points");
    return waiting;
}

}  // namespace lngeom::app
