// `lngeom figures FILE --out DIR`: the paper's figure set for one dump in one command, each
// figure with its recipe, and the per-site tables (the paper's Tables 2–4) as CSV, Markdown and
// JSON. Figures get a private Xvfb when there is no display.
#include <cstdio>
#include <filesystem>
#include <string_view>
#include <vector>

#include "app/cli/argument_parser.h"
#include "app/cli/batch_session.h"
#include "app/cli/command_line.h"
#include "app/cli/commands.h"
#include "app/cli/private_display.h"
#include "app/cli/stats_arguments.h"
#include "core/errors.h"
#include "core/io/atomic_file.h"
#include "core/reports/dump_findings.h"
#include "core/reports/stats_report.h"
#include "widgets/document/dump_document.h"
#include "widgets/figures/figure_renderer.h"
#include "widgets/figures/figure_set.h"

namespace lngeom::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* kFiguresUsage = R"(Usage: lngeom figures FILE --out DIR [options]

Writes the paper's figure set for an activation dump into DIR (created if missing):
  angle-histogram-siteKEY   the angle to 1 at every norm site (Figs. 5, 11-13)
  angle-histograms          all of them as small multiples, one panel per site
  curves-angle, curves-norm, curves-rotation   mean ± SD over layers (Figs. 3, 4, 7-10)
  norm-growth               mean ‖x‖ over the sites (log) with its 1-99 % band, and the
                            relative update ‖x′ − x‖/‖x‖ (Xiong et al. 2020)
  massive                   top-1, top-2, top-3 and median |x| over the sites (log), the
                            massive-activation threshold (Sun et al. 2024, their Fig. 2)
  heatmap-angle             layers × angle to 1 (SVG and PDF: one rectangle per cell)
  projection                the 3D projection (PNG, or SVG and PDF from its geometry)
  step-through              Fig. 2: LayerNorm and RMSNorm step by step on the tokens of the
                            smallest, median and largest ‖x‖ at the middle site
  io-curve                  the middle site's inputs xₜ,ᵢ against (x − μₜ)/√(σₜ² + ε),
                            their density and the fitted tanh(α·x) (Zhu et al. 2025)
  ellipsoid                 the γ-ellipsoid of the middle site storing gamma, with its
                            tokens' outputs (Riechers 2024; none without gamma)
  tables.csv, tables.md     per-site statistics (Tables 2-4); stats.json as `lngeom stats`
Each figure has its recipe beside it (NAME.EXT.recipe.json) for `lngeom export --recipe`.

Options:
  -o, --out DIR     the directory to write into (required)
  --format FORMAT   png (default), svg or pdf (vector; PDF embeds its font)
  --scale S         PNG pixels per point, 1 to 8 (default 2)
  --dataset PATH    the dataset of a generic (non-lngeom) HDF5 file
  --massive-abs A   massive activations: a token is flagged when its max |xᵢ| exceeds A
                    (default 100) ...
  --massive-ratio R ... and is at least R times the site's median |x| (default 1000); for
                    the massive figure and stats.json, as in `lngeom stats`
  -h, --help        show this help

Without a display (DISPLAY unset), a private Xvfb runs for the duration of the job.
)";

struct FiguresArguments {
    widgets::FigureRecipe base;
    std::string directory;
    std::string extension = ".png";
    bool help = false;
};

std::string figure_extension(std::string_view format) {
    if (format == "png" || format == "svg" || format == "pdf") return "." + std::string(format);
    throw UsageError{"--format must be png, svg or pdf, not '" + std::string(format) + "'"};
}

FiguresArguments parse_arguments(int argc, char* argv[]) {
    FiguresArguments arguments;
    std::vector<CommandOption> options = {
        {"--out", 'o', [&](std::string_view value) { arguments.directory = value; }},
        {"--format", 0,
         [&](std::string_view value) { arguments.extension = figure_extension(value); }},
        {"--scale", 0,
         [&](std::string_view value) {
             arguments.base.scale = double(whole_number("--scale", value, 1, 8));
         }},
        {"--dataset", 0, [&](std::string_view value) { arguments.base.dataset = value; }},
    };
    const std::vector<CommandOption> massive = massive_threshold_options(arguments.base.massive);
    options.insert(options.end(), massive.begin(), massive.end());
    const ParsedArguments parsed = parse_command_arguments(argc, argv, options);
    arguments.base.file = parsed.file;
    arguments.help = parsed.help;
    if (arguments.help) return arguments;
    if (arguments.base.file.empty()) throw UsageError{"no FILE given"};
    if (arguments.directory.empty()) throw UsageError{"no --out DIR given"};
    return arguments;
}

void make_directory(const std::string& directory) {
    std::error_code error;
    fs::create_directories(directory, error);
    if (error || !fs::is_directory(directory))
        throw Error(directory, "", "cannot be created: " + error.message());
}

void write_tables(const widgets::DumpDocument& document, const fs::path& directory,
                  const MassiveThresholds& massive) {
    const DumpInfo& info = document.info();
    const auto& summaries = document.metrics().summaries();
    write_file_atomically((directory / "tables.csv").string(), format_csv(info, summaries));
    write_file_atomically((directory / "tables.md").string(), format_markdown(info, summaries));
    // As `lngeom stats --format json` prints it: with the γ-ellipsoid, massive activations and
    // warnings, from a statistics pass of its own.
    write_file_atomically((directory / "stats.json").string(),
                          stats_json(*document.dump(), PassOptions{}, massive));
}

int run(const FiguresArguments& arguments) {
    make_directory(arguments.directory);
    BatchSession session;
    const auto document = session.load(arguments.base.file, arguments.base.dataset);
    const fs::path directory(arguments.directory);
    const auto figures =
        widgets::paperFigureSet(document->info(), document->metrics(), arguments.base);
    for (const widgets::NamedFigure& figure : figures)
        widgets::renderFigureWithRecipe({*document}, figure.recipe,
                                        (directory / (figure.name + arguments.extension)).string());
    write_tables(*document, directory, arguments.base.massive);
    std::printf("lngeom figures: %zu figures, their recipes and 3 tables in %s\n", figures.size(),
                arguments.directory.c_str());
    return 0;
}

}  // namespace

int run_figures_command(int argc, char* argv[]) {
    return run_reporting_errors("figures", [&] {
        const FiguresArguments arguments = parse_arguments(argc, argv);
        if (!arguments.help) return run(arguments);
        std::fputs(kFiguresUsage, stdout);
        return 0;
    });
}

}  // namespace lngeom::app
