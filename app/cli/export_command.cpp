// `lngeom export`: one figure of a dump as PNG, SVG or PDF with its recipe beside it, a figure
// drawn again from a recipe, or a dump's data (per-token metrics, per-site statistics). Data
// needs no display; figures get a private Xvfb when there is none.
#include <cstdio>
#include <filesystem>

#include "app/cli/batch_session.h"
#include "app/cli/command_line.h"
#include "app/cli/commands.h"
#include "app/cli/export_arguments.h"
#include "app/cli/private_display.h"
#include "core/errors.h"
#include "core/io/atomic_file.h"
#include "core/isolation/contained_open.h"
#include "core/metrics/metrics_store.h"
#include "core/reports/dump_findings.h"
#include "core/reports/metrics_export.h"
#include "core/reports/metrics_export_hdf5.h"
#include "core/reports/stats_report.h"
#include "widgets/document/dump_document.h"
#include "widgets/figures/figure_renderer.h"

namespace lngeom::app {
namespace {

constexpr const char* kExportUsage = R"(Usage: lngeom export FILE --view VIEW --out FIG [options]
       lngeom export --recipe FIG.png.recipe.json [--out FIG]
       lngeom export FILE --data metrics|stats --out DATA [--site KEY]

Draws one figure of an activation dump, as the app shows it, with the publication preset.
The format follows the extension of --out: .png (raster at --scale), .svg, .pdf or .eps
(vector: paths and real text; PDF embeds its font, EPS spells symbols in ASCII; the
projection, step and histograms are PNG, SVG or PDF drawn from their geometry, the heatmap
not EPS; the γ-ellipsoid is a 3D scene: SVG and PDF hold it as an image).
A JSON recipe is written beside the figure (FIG.recipe.json after the figure's full name):
everything the figure depends on (site, metric, bins, range, overlay, colours, camera, the
projection's vectors, basis, placement and colour mode, the selection); `--recipe` draws the
same figure again from it, and a recipe edited by hand draws what it says.

Options:
  -o, --out FIG        the figure (or data) file to write; its extension picks the format
  --view VIEW          histogram, curves, heatmap, projection, step, histograms (every
                       site's histogram as small multiples), norm-growth (mean ‖x‖ and
                       the relative update over the sites, log scale), massive (top-1,
                       top-2, top-3 and median |x| over the sites, log scale), io-curve
                       (--site's inputs x against their standardized outputs, with the
                       fitted tanh(α·x) of Zhu et al. 2025) or ellipsoid (the γ-ellipsoid
                       of --site, which must store gamma; Riechers 2024) (default
                       histogram)
  --site KEY           a norm site: its key (003) or label (1·ln2, final); default the first
  --metric NAME        angle_to_uniform_deg (default), norm, rotation_deg, ... (lngeom stats)
  --bins N             histogram bins (default 80)
  --range LOW:HIGH     histogram range (default: the view's, 80:100 for angles)
  --log                log counts
  --tokens N[,N...]    the step-through's tokens, up to 8 walked side by side (default 0;
                       --token N is the same)
  --step S             the step-through's stage: 0 x, 1 x⊥, 2 x⊥/‖x⊥‖, 3 √d·…, 4 γ⊙y+β
  --colour C           the projection's point colours: angle_to_uniform (default), norm,
                       position, selection, or layer (every site of --site's kind, as the app);
                       io-curve: density (default), channel (the 8 channels of the largest
                       |x| in colours of their own) or token (tokens coloured by their σₜ)
  --size WxH           figure size in points (default: the view's, e.g. 640x440 for charts)
  --scale S            PNG pixels per point, 1 to 8 (default 2)
  --transparent        PNG with a transparent background
  --no-recipe          do not write the recipe
  --compare FILE       compare with another dump, as the app's Compare with box does: the
                       curves add its curve and the difference of means, the histogram its
                       outline at the aligned site (--compare-dataset PATH for a generic file)
  --massive-abs A      massive: a token is flagged when its max |xᵢ| exceeds A (default
                       100) ...
  --massive-ratio R    ... and is at least R times the site's median |x| (default 1000), as
                       in lngeom stats; also for --data stats
  --dataset PATH       the dataset of a generic (non-lngeom) HDF5 file
  --data metrics       per-token metrics instead of a figure: .csv (every site, or --site),
                       or .h5 for large dumps (every site, one float32 dataset per metric)
  --data stats         per-site statistics: .json (as lngeom stats), .csv or .txt
  -h, --help           show this help

Without a display (DISPLAY unset), a private Xvfb runs for the duration of the job.
)";

std::string output_of(const ExportArguments& arguments) {
    if (!arguments.output.empty()) return arguments.output;
    const std::string& recipe = arguments.recipeInput;
    return recipe.substr(0, recipe.size() - std::string(".recipe.json").size());
}

ReportFormat statistics_format(const std::string& output) {
    const std::string extension = std::filesystem::path(output).extension().string();
    if (extension == ".json") return ReportFormat::Json;
    if (extension == ".csv") return ReportFormat::Csv;
    if (extension == ".txt") return ReportFormat::Table;
    throw UsageError{"--data stats writes .json, .csv or .txt, not '" + output + "'"};
}

void export_data(const ExportArguments& arguments) {
    const std::string& output = arguments.output;
    const bool metrics = arguments.data == DataExport::TokenMetrics;
    const std::string extension = std::filesystem::path(output).extension().string();
    if (metrics && extension != ".csv" && extension != ".h5")
        throw UsageError{"--data metrics writes .csv or .h5, not '" + output + "'"};
    const ReportFormat format = metrics ? ReportFormat::Csv : statistics_format(output);
    require_target_directory(output);
    const Dump dump = open_dump_contained(arguments.recipe.file, arguments.recipe.dataset);
    TokenMetricsRequest request;
    if (!arguments.recipe.site.empty())
        request.sites.push_back(find_site(dump.info(), arguments.recipe.site));
    if (format == ReportFormat::Json)  // what `lngeom stats --format json` prints
        return write_file_atomically(output,
                                     stats_json(dump, PassOptions{}, arguments.recipe.massive));
    const MetricsStore store = MetricsStore::compute(dump, arguments.recipe.dataset, {});
    if (!metrics)
        return write_file_atomically(output, format_report(format, dump.info(), store.summaries()));
    if (extension == ".h5") return write_token_metrics_hdf5(output, dump, store);
    write_file_atomically(
        output, [&](std::ostream& out) { write_token_metrics_csv(out, dump, store, request); });
}

// The recipe to draw; for one read from a file, lngeom::Error naming that file when the dump it
// names is gone (rather than only the dump's path, which says nothing of where it came from).
widgets::FigureRecipe recipe_of(const ExportArguments& arguments) {
    if (arguments.recipeInput.empty()) return arguments.recipe;
    const widgets::FigureRecipe recipe = widgets::readRecipeFile(arguments.recipeInput);
    if (!std::filesystem::exists(recipe.file))
        throw Error(arguments.recipeInput, "file",
                    "names the dump '" + recipe.file + "', which does not exist");
    if (!recipe.compareFile.empty() && !std::filesystem::exists(recipe.compareFile))
        throw Error(arguments.recipeInput, "compare.file",
                    "names the dump '" + recipe.compareFile + "', which does not exist");
    return recipe;
}

void export_figure(const ExportArguments& arguments) {
    const widgets::FigureRecipe recipe = recipe_of(arguments);
    const std::string output = output_of(arguments);
    require_target_directory(output);
    BatchSession session;
    const auto document = session.load(recipe.file, recipe.dataset);
    const auto comparison = recipe.compareFile.empty()
                                ? nullptr
                                : session.load(recipe.compareFile, recipe.compareDataset);
    const widgets::FigureDocuments documents{*document, comparison.get()};
    if (arguments.writeRecipe)
        widgets::renderFigureWithRecipe(documents, recipe, output);
    else
        widgets::renderFigure(documents, recipe, output);
}

}  // namespace

int run_export_command(int argc, char* argv[]) {
    return run_reporting_errors("export", [&] {
        const ExportArguments arguments = parseExportArguments(argc, argv);
        if (arguments.help)
            std::fputs(kExportUsage, stdout);
        else if (arguments.data == DataExport::None)
            export_figure(arguments);
        else
            export_data(arguments);
        return 0;
    });
}

}  // namespace lngeom::app
