#pragma once
// The arguments of `lngeom export`, read without Qt or a display so that mistakes are reported
// before any X server starts or any dump is read.

#include <optional>
#include <string>

#include "widgets/figures/figure_recipe.h"

namespace lngeom::app {

// What `--data` exports instead of a figure.
enum class DataExport { None, TokenMetrics, SiteStatistics };

struct ExportArguments {
    widgets::FigureRecipe recipe;  // the figure to draw (or the one read from --recipe)
    std::string recipeInput;       // --recipe R.json
    std::string output;            // --out
    DataExport data = DataExport::None;
    std::string colour;  // --colour: the projection's or the io-curve's, once --view is known
    bool writeRecipe = true;
    bool help = false;
};

// UsageError for unknown options, bad values, a missing FILE or --out, or an output extension
// lngeom does not write.
ExportArguments parseExportArguments(int argc, char* argv[]);

}  // namespace lngeom::app
