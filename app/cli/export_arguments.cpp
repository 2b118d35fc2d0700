#include "app/cli/export_arguments.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>

#include "app/cli/command_line.h"
#include "core/geometry/normalization_walk.h"
#include "widgets/figures/figure_writer.h"
#include "widgets/projection/projection_settings_json.h"
#include "widgets/step_through/step_through_panel.h"

namespace lngeom::app {
namespace {

constexpr std::string_view kRecipeSuffix = ".recipe.json";

double real_number(std::string_view option, std::string_view text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        throw UsageError{std::string(option) + " needs a number, not '" + std::string(text) + "'"};
    return value;
}

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
    throw UsageError{
        "--view must be histogram, curves, heatmap, projection, step or histograms, "
        "not '" +
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

widgets::ProjectionColour projection_colour(std::string_view text) {
    if (const auto colour = widgets::projectionColourNamed(text)) return *colour;
    throw UsageError{"--colour must be one of " + widgets::projectionColourNames() + ", not '" +
                     std::string(text) + "'"};
}

DataExport data_export(std::string_view text) {
    if (text == "metrics") return DataExport::TokenMetrics;
    if (text == "stats") return DataExport::SiteStatistics;
    throw UsageError{"--data must be metrics or stats, not '" + std::string(text) + "'"};
}

void apply_option(ExportArguments& arguments, std::string_view option, std::string_view value) {
    widgets::FigureRecipe& recipe = arguments.recipe;
    if (option == "--view")
        recipe.view = figure_view(value);
    else if (option == "--site")
        recipe.site = value;
    else if (option == "--metric")
        recipe.metric = metric(value);
    else if (option == "--bins")
        recipe.bins = int(whole_number(option, value, 1, 2000));
    else if (option == "--range")
        recipe.range = value_range(value);
    else if (option == "--token" || option == "--tokens")
        recipe.tokens = token_list(option, value);
    else if (option == "--step")
        recipe.step = int(whole_number(option, value, 0, kWalkStageCount - 1));
    else if (option == "--colour")
        recipe.projection.colour = projection_colour(value);
    else if (option == "--scale")
        recipe.scale = double(whole_number(option, value, 1, 8));
    else if (option == "--size")
        figure_size(value, recipe);
    else if (option == "--dataset")
        recipe.dataset = value;
    else if (option == "--compare")
        recipe.compareFile = value;
    else if (option == "--compare-dataset")
        recipe.compareDataset = value;
    else if (option == "--out")
        arguments.output = value;
    else if (option == "--recipe")
        arguments.recipeInput = value;
    else if (option == "--data")
        arguments.data = data_export(value);
    else
        throw UsageError{"unknown option '" + std::string(option) + "'"};
}

bool apply_flag(ExportArguments& arguments, std::string_view flag) {
    if (flag == "--help" || flag == "-h")
        arguments.help = true;
    else if (flag == "--log")
        arguments.recipe.logCounts = true;
    else if (flag == "--transparent")
        arguments.recipe.transparent = true;
    else if (flag == "--no-recipe")
        arguments.writeRecipe = false;
    else
        return false;
    return true;
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
    std::string file;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (apply_flag(arguments, argument)) continue;
        if (argument.starts_with("--")) {
            if (i + 1 >= argc) throw UsageError{std::string(argument) + " needs a value"};
            apply_option(arguments, argument, argv[++i]);
        } else if (file.empty()) {
            file = argument;
        } else {
            throw UsageError{"one FILE only, got '" + file + "' and '" + std::string(argument) +
                             "'"};
        }
    }
    if (arguments.help) return arguments;
    if (!arguments.recipeInput.empty() && !file.empty())
        throw UsageError{"give FILE or --recipe, not both (the recipe names its file)"};
    if (arguments.recipeInput.empty() && file.empty()) throw UsageError{"no FILE given"};
    arguments.recipe.file = file;
    check_output(arguments);
    return arguments;
}

}  // namespace lngeom::app
