#pragma once
// Everything needed to draw one figure again: the dump, the view and its settings, the size and
// the camera. Written as a small JSON file beside every exported figure, so that
// `lngeom export --recipe R.json` renders the same image later or on another machine.

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis/massive_activations.h"
#include "core/charts/histogram_range.h"
#include "core/charts/io_curve_colouring.h"
#include "core/io/dump.h"
#include "core/metrics/metrics.h"
#include "widgets/ellipsoid/ellipsoid_settings.h"
#include "widgets/projection/projection_settings.h"
#include "widgets/vtk_hosting/camera_pose.h"

namespace lngeom::widgets {

enum class FigureView {
    Histogram,
    Curves,
    Heatmap,
    Projection,
    Step,
    Histograms,
    NormGrowth,
    Massive,
    IoCurve,
    Ellipsoid
};

// "histogram", "curves", "heatmap", "projection", "step", "histograms" (every site's histogram,
// as small multiples), "norm-growth" (‖x‖ and the relative update over depth), "massive" (the
// top-3 and median |x| over depth), "io-curve" (the LayerNorm input–output curve at a site),
// "ellipsoid" (the γ-ellipsoid at a site).
std::string_view figureViewName(FigureView view);
std::optional<FigureView> figureViewFromName(std::string_view name);
// Every view's name, for messages: "histogram, curves, …, norm-growth or massive".
std::string figureViewChoices();

// The histogram's second site drawn as a line over its bars.
struct FigureOverlay {
    std::string site;  // key or label; empty: the figure's own site (e.g. its output norm)
    Metric metric = Metric::AngleToUniformDeg;
};

struct FigureRecipe {
    std::string file;
    std::string dataset;  // the dataset of a generic layout; empty for native dumps
    // The dump compared with (its curves and difference, its histogram outline), as the views
    // draw it; empty: none.
    std::string compareFile;
    std::string compareDataset;
    FigureView view = FigureView::Histogram;
    std::string site;  // a site key ("003") or label ("1·ln2"); empty: the first site
    Metric metric = Metric::AngleToUniformDeg;
    int bins = 80;
    std::optional<ValueRange> range;  // nullopt: the view's default range
    bool logCounts = false;
    std::optional<FigureOverlay> overlay;  // histogram
    std::string barColour;                 // histogram bars, "#rrggbb"; empty: the view's own
    bool showSpread = true;                // curves: the mean ± SD band
    bool showExtremes = true;              // curves: the min–max band
    bool markCurrentSite = false;          // curves: the dashed line at the recipe's site
    bool rowFractions = true;              // heatmap: each site's fractions, not raw counts
    MassiveThresholds massive;             // massive: the A and R that flag a token
    IoCurveColouring ioCurve = IoCurveColouring::Density;  // io-curve: what colours the points
    ProjectionSettings projection;  // projection: vectors, placement, basis, colours
    EllipsoidSettings ellipsoid;    // γ-ellipsoid: which axes, colours, points drawn
    std::vector<Index> selection;   // selected tokens (projection colour "selection")
    std::vector<Index> tokens{0};   // the step-through's tokens, at most 8
    int step = 0;                   // the step-through's stage, 0 (x) to 4 (γ⊙y + β)
    // The figure's size in points (PNG: pixels before `scale`); 0: the view's default
    // (figure_size.h).
    int width = 0;
    int height = 0;
    double scale = 2.0;  // PNG pixels per logical pixel
    bool transparent = false;
    // The 3D views' camera; nullopt: the view's own.
    std::optional<CameraPose> camera;
};

QByteArray recipeToJson(const FigureRecipe& recipe);
// lngeom::FormatError naming `path` and the key when the JSON is malformed, a key holds a value
// of the wrong type, or names an unknown view, metric or mode. Keys a recipe lacks (older
// recipes) keep their defaults.
FigureRecipe recipeFromJson(const QByteArray& json, const std::string& path);

// The recipe in the file at `path`; lngeom::Error naming it when it cannot be read.
FigureRecipe readRecipeFile(const std::string& path);

// "FIG.png" → "FIG.png.recipe.json": distinct for every format of one figure.
std::string recipePathFor(const std::string& figurePath);

}  // namespace lngeom::widgets
