#pragma once
// The window's views of the current dump, created together and pointed at a document (and a
// comparison dump) together: the 3D projection, the step-through, the histogram, the token
// table, the layer curves, the layer heatmap, the paper's tables, the comparison, and the
// analyses beyond the paper: the γ-ellipsoid, norm growth, massive activations and the
// LayerNorm input–output curve.

#include <QString>

#include <vector>

namespace lngeom::widgets {
class ComparisonView;
class DumpDocument;
class EllipsoidView;
class HistogramView;
class IoCurveView;
class LayerCurvesView;
class LayerHeatmapView;
class MassiveView;
class NormGrowthView;
class PaperTablesView;
class ProjectionView;
class StepThroughPanel;
class TokenTableView;
}  // namespace lngeom::widgets

namespace lngeom::app {

struct ViewSet {
    widgets::ProjectionView* projection;
    widgets::StepThroughPanel* stepThrough;
    widgets::HistogramView* histogram;
    widgets::TokenTableView* table;
    widgets::LayerCurvesView* curves;
    widgets::LayerHeatmapView* heatmap;
    widgets::PaperTablesView* tables;
    widgets::ComparisonView* comparison;
    widgets::EllipsoidView* ellipsoid;
    widgets::NormGrowthView* normGrowth;
    widgets::MassiveView* massive;
    widgets::IoCurveView* ioCurve;

    // Unparented views; the window's docks take them.
    static ViewSet create();
    void setDocument(widgets::DumpDocument* document) const;
    // The dump the comparing views set beside the current one; nullptr: none.
    void setComparisonDocument(widgets::DumpDocument* document) const;
    // Every view that draws has drawn once, and the 3D view shows the current site's points.
    bool haveDrawn() const;
    // What haveDrawn() still waits for, e.g. "the 3D projection's points"; empty once drawn.
    std::vector<QString> notDrawn() const;
};

}  // namespace lngeom::app
