#pragma once
// The four chart views of one dump, each bound to the document as the main window binds them,
// so that a selection made in one reaches the others.

#include "widgets/charts/histogram_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/charts/layer_heatmap_view.h"
#include "widgets/document/dump_document.h"
#include "widgets/table/token_table_view.h"

namespace lngeom::test {

struct LinkedChartViews {
    explicit LinkedChartViews(widgets::DumpDocument* document) {
        histogram.setDocument(document);
        table.setDocument(document);
        heatmap.setDocument(document);
        curves.setDocument(document);
    }

    widgets::HistogramView histogram;
    widgets::TokenTableView table;
    widgets::LayerHeatmapView heatmap;
    widgets::LayerCurvesView curves;
};

}  // namespace lngeom::test
