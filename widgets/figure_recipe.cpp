#include "widgets/figure_recipe.h"

#include <QColor>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/errors.h"
#include "widgets/projection_settings_json.h"
#include "widgets/recipe_json.h"

namespace lngeom::widgets {
namespace {

constexpr int kRecipeVersion = 1;
constexpr std::array<std::pair<FigureView, std::string_view>, 5> kViewNames{{
    {FigureView::Histogram, "histogram"},
    {FigureView::Curves, "curves"},
    {FigureView::Heatmap, "heatmap"},
    {FigureView::Projection, "projection"},
    {FigureView::Step, "step"},
}};

QString text(std::string_view value) { return QString::fromUtf8(value.data(), value.size()); }

QJsonArray numbers(std::span<const double> values) {
    QJsonArray array;
    for (double value : values) array.append(value);
    return array;
}

Metric readMetric(const RecipeObject& json, const char* key, Metric fallback) {
    if (!json.has(key)) return fallback;
    const std::string name = json.text(key, {});
    const auto metric = metric_from_key(name);
    if (!metric) json.fail(key, "'" + name + "' is not a metric");
    return *metric;
}

std::vector<double> readNumbers(const RecipeObject& json, const char* key, int count,
                                const char* what) {
    const QJsonArray array = json.array(key);
    std::vector<double> values;
    for (const QJsonValue& value : array)
        if (value.isDouble()) values.push_back(value.toDouble());
    if (values.size() != std::size_t(count) || array.size() != count)
        json.fail(key, std::string("must hold ") + what);
    return values;
}

void readRange(const RecipeObject& json, FigureRecipe& recipe) {
    if (!json.has("range")) return;
    const auto bounds = readNumbers(json, "range", 2, "[low, high]");
    if (!(bounds[0] < bounds[1])) json.fail("range", "must be [low, high] with low < high");
    recipe.range = ValueRange{bounds[0], bounds[1]};
}

void readCamera(const RecipeObject& json, FigureRecipe& recipe) {
    if (!json.has("camera")) return;
    const auto values =
        readNumbers(json, "camera", 9, "9 numbers (position, focal point, view-up)");
    recipe.camera.emplace();
    std::copy(values.begin(), values.end(), recipe.camera->begin());
}

void readOverlay(const RecipeObject& json, FigureRecipe& recipe) {
    if (!json.has("overlay")) return;
    const RecipeObject overlay = json.child("overlay");
    recipe.overlay =
        FigureOverlay{overlay.text("site", {}), readMetric(overlay, "metric", recipe.metric)};
}

void readBarColour(const RecipeObject& json, FigureRecipe& recipe) {
    recipe.barColour = json.text("bar_colour", {});
    if (!recipe.barColour.empty() && !QColor::isValidColorName(text(recipe.barColour)))
        json.fail("bar_colour", "'" + recipe.barColour + "' is not a colour (#rrggbb)");
}

void readSelection(const RecipeObject& json, FigureRecipe& recipe) {
    for (const QJsonValue& token : json.array("selection")) {
        if (!token.isDouble() || token.toDouble() < 0)
            json.fail("selection", "must list token numbers");
        recipe.selection.push_back(Index(token.toDouble()));
    }
}

FigureView readView(const RecipeObject& json) {
    const std::string view = json.text("view", {});
    const auto known = figureViewFromName(view);
    if (!known)
        json.fail("view", view.empty() ? std::string("is missing from this figure recipe")
                                       : "'" + view + "' is not a view lngeom draws");
    return *known;
}

void readSettings(const RecipeObject& json, FigureRecipe& recipe) {
    recipe.bins = int(json.integer("bins", recipe.bins));
    readRange(json, recipe);
    recipe.logCounts = json.flag("log_counts", recipe.logCounts);
    readOverlay(json, recipe);
    readBarColour(json, recipe);
    recipe.showSpread = json.flag("show_spread", recipe.showSpread);
    recipe.showExtremes = json.flag("show_extremes", recipe.showExtremes);
    recipe.markCurrentSite = json.flag("mark_current_site", recipe.markCurrentSite);
    recipe.rowFractions = json.flag("row_fractions", recipe.rowFractions);
    recipe.projection = projectionSettingsFromJson(json.child("projection"));
    readSelection(json, recipe);
}

void readFigure(const RecipeObject& json, FigureRecipe& recipe) {
    recipe.token = json.integer("token", recipe.token);
    recipe.step = int(json.integer("step", recipe.step));
    recipe.width = int(json.integer("width", recipe.width));
    recipe.height = int(json.integer("height", recipe.height));
    recipe.scale = json.number("scale", recipe.scale);
    recipe.transparent = json.flag("transparent", recipe.transparent);
    readCamera(json, recipe);
}

QJsonObject settingsToJson(const FigureRecipe& recipe) {
    QJsonObject object{
        {"bins", recipe.bins},
        {"log_counts", recipe.logCounts},
        {"bar_colour", QString::fromStdString(recipe.barColour)},
        {"show_spread", recipe.showSpread},
        {"show_extremes", recipe.showExtremes},
        {"mark_current_site", recipe.markCurrentSite},
        {"row_fractions", recipe.rowFractions},
        {"projection", projectionSettingsToJson(recipe.projection)},
    };
    if (recipe.range) object.insert("range", numbers({{recipe.range->low, recipe.range->high}}));
    if (recipe.overlay)
        object.insert("overlay",
                      QJsonObject{{"site", QString::fromStdString(recipe.overlay->site)},
                                  {"metric", text(describe(recipe.overlay->metric).key)}});
    QJsonArray selection;
    for (Index token : recipe.selection) selection.append(qint64(token));
    if (!selection.isEmpty()) object.insert("selection", selection);
    return object;
}

}  // namespace

std::string_view figureViewName(FigureView view) {
    for (const auto& [known, name] : kViewNames)
        if (known == view) return name;
    return {};
}

std::optional<FigureView> figureViewFromName(std::string_view name) {
    for (const auto& [view, known] : kViewNames)
        if (known == name) return view;
    return std::nullopt;
}

QByteArray recipeToJson(const FigureRecipe& recipe) {
    QJsonObject object = settingsToJson(recipe);
    const QJsonObject figure{
        {"lngeom_figure_recipe", kRecipeVersion},
        {"file", QString::fromStdString(recipe.file)},
        {"dataset", QString::fromStdString(recipe.dataset)},
        {"view", text(figureViewName(recipe.view))},
        {"site", QString::fromStdString(recipe.site)},
        {"metric", text(describe(recipe.metric).key)},
        {"token", qint64(recipe.token)},
        {"step", recipe.step},
        {"width", recipe.width},
        {"height", recipe.height},
        {"scale", recipe.scale},
        {"transparent", recipe.transparent},
    };
    for (auto it = figure.begin(); it != figure.end(); ++it) object.insert(it.key(), it.value());
    if (recipe.camera) object.insert("camera", numbers(*recipe.camera));
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

FigureRecipe recipeFromJson(const QByteArray& json, const std::string& path) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw FormatError(path, "",
                          "is not a figure recipe (" + error.errorString().toStdString() +
                              " at byte " + std::to_string(error.offset) + ")");
    const RecipeObject object(document.object(), path);
    if (!object.has("lngeom_figure_recipe"))
        object.fail("lngeom_figure_recipe", "is missing: this is not a figure recipe");
    object.integer("lngeom_figure_recipe", kRecipeVersion);
    FigureRecipe recipe;
    recipe.file = object.text("file", {});
    if (recipe.file.empty()) object.fail("file", "is missing: the recipe names no dump");
    recipe.dataset = object.text("dataset", {});
    recipe.view = readView(object);
    recipe.site = object.text("site", {});
    recipe.metric = readMetric(object, "metric", recipe.metric);
    readSettings(object, recipe);
    readFigure(object, recipe);
    return recipe;
}

FigureRecipe readRecipeFile(const std::string& path) {
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        throw Error(path, "", "cannot be read: " + file.errorString().toStdString());
    return recipeFromJson(file.readAll(), path);
}

std::string recipePathFor(const std::string& figurePath) { return figurePath + ".recipe.json"; }

}  // namespace lngeom::widgets
