#include "app/cli/export_arguments.h"

#include <limits>
#include <string_view>

#include "app/cli/argument_parser.h"
#include "app/cli/command_line.h"
#include "app/cli/stats_arguments.h"
#include "core/charts/io_curve_colouring.h"
#include "core/geometry/normalization_walk.h"
#include "widgets/figures/figure_writer.h"
#include "widgets/projection/projection_settings_json.h"
#include "widgets/step_through/step_through_panel.h"

namespace lngeom::app {
namespace {

constexpr std::string_view kRecipeSuffix = ".recipe.json";

// "3,17,42": the step-through's tokens.
std::vector<Index> token_list(std::string_view option, std::string_view text) {
    std::vector<Index> tokens;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        tokens.push_back(Index(whole_number(option, text.substr(start, comma - start), 0,
                                            std::numeric_limits<long>::max())));
        start = comma + 1;
    }
    if (tokens.size() > widgets::kMaxWalkedTokens)
        throw UsageError{std::string(option) + " names " + std::to_string(tokens.size()) +
                         " tokens; the step-through walks at most " +
                         std::to_string(widgets::kMaxWalkedTokens)};
    return tokens;
}

widgets::FigureView figure_view(std::string_view text) {
    if (const auto view = widgets::figureViewFromName(text)) return *view;
    throw UsageError{"--view must be " + widgets::figureViewChoices() + ", not '" +
                     std::string(text) + "'"};
}

Metric metric(std::string_view text) {
    if (const auto known = metric_from_key(text)) return *known;
    std::string keys;
    for (const MetricDescription& description : metric_descriptions())
        keys += (keys.empty() ? "" : ", ") + std::string(description.key);
    throw UsageError{"--metric: '" + std::string(text) + "' is not a metric (" + keys + ")"};
}

ValueRange value_range(std::string_view text) {
    const auto colon = text.find(':');
    const std::string message =
        "--range needs LOW:HIGH with LOW < HIGH, not '" + std::string(text) + "'";
    if (colon == std::string_view::npos) throw UsageError{message};
    const ValueRange range{real_number("--range", text.substr(0, colon)),
                           real_number("--range", text.substr(colon + 1))};
    if (!(range.low < range.high)) throw UsageError{message};
    return range;
}

void figure_size(std::string_view text, widgets::FigureRecipe& recipe) {
    const auto x = text.find('x');
    if (x == std::string_view::npos)
        throw UsageError{"--size needs WIDTHxHEIGHT, e.g. 640x440, not '" + std::string(text) +
                         "'"};
    recipe.width = int(whole_number("--size", text.substr(0, x), 64, 8192));
    recipe.height = int(whole_number("--size", text.substr(x + 1), 64, 8192));
}

// --colour: the projection's point colours, or what colours the io-curve's points.
void apply_colour(std::string_view text, widgets::FigureRecipe& recipe) {
    if (text.empty()) return;
    if (recipe.view == widgets::FigureView::IoCurve) {
        if (const auto colouring = io_curve_colouring_named(text)) {
            recipe.ioCurve = *colouring;
            return;
        }
        throw UsageError{"--colour with --view io-curve must be " + io_curve_colouring_names() +
                         ", not '" + std::string(text) + "'"};
    }
    if (const auto colour = widgets::projectionColourNamed(text)) {
        recipe.projection.colour = *colour;
        return;
    }
    throw UsageError{"--colour must be one of " + widgets::projectionColourNames() + ", not '" +
                     std::string(text) + "'"};
}

DataExport data_export(std::string_view text) {
    if (text == "metrics") return DataExport::TokenMetrics;
    if (text == "stats") return DataExport::SiteStatistics;
    throw UsageError{"--data must be metrics or stats, not '" + std::string(text) + "'"};
}

std::vector<CommandOption> export_options(ExportArguments& arguments) {
    widgets::FigureRecipe& recipe = arguments.recipe;
    const auto flag = [](bool& target) { return [&target](std::string_view) { target = true; }; };
    std::vector<CommandOption> options = {
        {"--view", 0, [&](std::string_view value) { recipe.view = figure_view(value); }},
        {"--site", 0, [&](std::string_view value) { recipe.site = value; }},
        {"--metric", 0, [&](std::string_view value) { recipe.metric = metric(value); }},
        {"--bins", 0,
         [&](std::string_view value) {
             recipe.bins = int(whole_number("--bins", value, 1, 2000));
         }},
        {"--range", 0, [&](std::string_view value) { recipe.range = value_range(value); }},
        {"--token", 0,
         [&](std::string_view value) { recipe.tokens = token_list("--token", value); }},
        {"--tokens", 0,
         [&](std::string_view value) { recipe.tokens = token_list("--tokens", value); }},
        {"--step", 0,
         [&](std::string_view value) {
             recipe.step = int(whole_number("--step", value, 0, kWalkStageCount - 1));
         }},
        {"--colour", 0, [&](std::string_view value) { arguments.colour = value; }},
        {"--scale", 0,
         [&](std::string_view value) {
             recipe.scale = double(whole_number("--scale", value, 1, 8));
         }},
        {"--size", 0, [&](std::string_view value) { figure_size(value, recipe); }},
        {"--dataset", 0, [&](std::string_view value) { recipe.dataset = value; }},
        {"--compare", 0, [&](std::string_view value) { recipe.compareFile = value; }},
        {"--compare-dataset", 0, [&](std::string_view value) { recipe.compareDataset = value; }},
        {"--out", 'o', [&](std::string_view value) { arguments.output = value; }},
        {"--recipe", 0, [&](std::string_view value) { arguments.recipeInput = value; }},
        {"--data", 0, [&](std::string_view value) { arguments.data = data_export(value); }},
        {"--log", 0, flag(recipe.logCounts), false},
        {"--transparent", 0, flag(recipe.transparent), false},
        {"--no-recipe", 0, [&](std::string_view) { arguments.writeRecipe = false; }, false},
    };
    const std::vector<CommandOption> massive = massive_threshold_options(recipe.massive);
    options.insert(options.end(), massive.begin(), massive.end());
    return options;
}

void check_output(const ExportArguments& arguments) {
    if (arguments.output.empty()) {
        if (arguments.recipeInput.ends_with(kRecipeSuffix)) return;
        throw UsageError{"no --out given"};
    }
    if (arguments.data != DataExport::None) return;
    if (!widgets::figureFormatOf(arguments.output))
        throw UsageError{"--out " + arguments.output +
                         ": the extension must be .png, .svg, .pdf or .eps"};
}

}  // namespace

ExportArguments parseExportArguments(int argc, char* argv[]) {
    ExportArguments arguments;
    const ParsedArguments parsed = parse_command_arguments(argc, argv, export_options(arguments));
    const std::string& file = parsed.file;
    arguments.help = parsed.help;
    if (arguments.help) return arguments;
    if (!arguments.recipeInput.empty() && !file.empty())
        throw UsageError{"give FILE or --recipe, not both (the recipe names its file)"};
    if (arguments.recipeInput.empty() && file.empty()) throw UsageError{"no FILE given"};
    arguments.recipe.file = file;
    apply_colour(arguments.colour, arguments.recipe);
    check_output(arguments);
    return arguments;
}

}  // namespace lngeom::app
