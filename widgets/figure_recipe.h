#pragma once
// Everything needed to draw one figure again: the dump, the view and its settings, the size and
// the camera. Written as a small JSON file beside every exported figure, so that
// `lngeom export --recipe R.json` renders the same image later or on another machine.

#include <QByteArray>
#include <QString>

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/dump.h"
#include "core/histogram_range.h"
#include "core/metrics.h"

namespace lngeom::widgets {

enum class FigureView { Histogram, Curves, Heatmap, Projection, Step };

// "histogram", "curves", "heatmap", "projection", "step".
std::string_view figureViewName(FigureView view);
std::optional<FigureView> figureViewFromName(std::string_view name);

struct FigureRecipe {
    std::string file;
    std::string dataset;  // the dataset of a generic layout; empty for native dumps
    FigureView view = FigureView::Histogram;
    std::string site;  // a site key ("003") or label ("1·ln2"); empty: the first site
    Metric metric = Metric::AngleToUniformDeg;
    int bins = 80;
    std::optional<ValueRange> range;  // nullopt: the view's default range
    bool logCounts = false;
    Index token = 0;  // the step-through's token
    int step = 0;     // the step-through's stage, 0 (x) to 4 (γ⊙y + β)
    int width = 640;  // the figure's size in logical pixels, before `scale`
    int height = 440;
    double scale = 2.0;  // PNG pixels per logical pixel
    bool transparent = false;
    // Camera position, focal point and view-up of the 3D views; nullopt: the view's own.
    std::optional<std::array<double, 9>> camera;
};

QByteArray recipeToJson(const FigureRecipe& recipe);
// lngeom::FormatError naming `path` and the field when the JSON is malformed or names an unknown
// view or metric.
FigureRecipe recipeFromJson(const QByteArray& json, const std::string& path);

// The recipe in the file at `path`; lngeom::Error naming it when it cannot be read.
FigureRecipe readRecipeFile(const std::string& path);

// "FIG.png" → "FIG.png.recipe.json": distinct for every format of one figure.
std::string recipePathFor(const std::string& figurePath);

}  // namespace lngeom::widgets
