#include "widgets/figures/figure_recipe.h"

#include <QColor>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/errors.h"
#include "core/support/enum_names.h"
#include "widgets/charts/io_curve_settings_json.h"
#include "widgets/charts/massive_thresholds_json.h"
#include "widgets/charts/view_settings_json.h"
#include "widgets/ellipsoid/ellipsoid_settings_json.h"
#include "widgets/projection/projection_settings_json.h"
#include "widgets/step_through/step_through_panel.h"
#include "widgets/support/json_reader.h"
#include "widgets/vtk_hosting/camera_pose_json.h"

namespace lngeom::widgets {
namespace {

constexpr int kRecipeVersion = 1;
constexpr EnumNames<FigureView, 10> kViewNames{{
    {FigureView::Histogram, "histogram"},
    {FigureView::Curves, "curves"},
    {FigureView::Heatmap, "heatmap"},
    {FigureView::Projection, "projection"},
    {FigureView::Step, "step"},
    {FigureView::Histograms, "histograms"},
    {FigureView::NormGrowth, "norm-growth"},
    {FigureView::Massive, "massive"},
    {FigureView::IoCurve, "io-curve"},
    {FigureView::Ellipsoid, "ellipsoid"},
}};

QString text(std::string_view value) { return QString::fromUtf8(value.data(), value.size()); }

// An object as sessions write it, or an older recipe's 9 numbers (position, focal point,
// view-up; the default view angle).
void readCamera(const JsonReader& json, FigureRecipe& recipe) {
    if (json.hasObject("camera")) {
        recipe.camera = cameraPoseFromJson(json.object("camera"));
        return;
    }
    const std::vector<double> values = json.numbers("camera", 9, "position, focal point, view-up");
    if (values.empty()) return;
    CameraPose& pose = recipe.camera.emplace();
    std::copy(values.begin(), values.begin() + 3, pose.position.begin());
    std::copy(values.begin() + 3, values.begin() + 6, pose.focalPoint.begin());
    std::copy(values.begin() + 6, values.end(), pose.viewUp.begin());
}

void readOverlay(const JsonReader& json, FigureRecipe& recipe) {
    if (!json.has("overlay")) return;
    const JsonReader overlay = json.object("overlay");
    recipe.overlay = FigureOverlay{overlay.string("site").toStdString(),
                                   overlay.metric("metric", recipe.metric)};
}

void readBarColour(const JsonReader& json, FigureRecipe& recipe) {
    const QString colour = json.string("bar_colour");
    if (!colour.isEmpty() && !QColor::isValidColorName(colour))
        json.fail("bar_colour", QString("'%1' is not a colour (#rrggbb)").arg(colour));
    recipe.barColour = colour.toStdString();
}

FigureView readView(const JsonReader& json) {
    const QString view = json.string("view");
    const auto known = figureViewFromName(view.toStdString());
    if (!known)
        json.fail("view", view.isEmpty() ? QString("is missing from this figure recipe")
                                         : QString("'%1' is not a view lngeom draws").arg(view));
    return *known;
}

QJsonArray tokenArray(const std::vector<Index>& tokens) {
    QJsonArray array;
    for (Index token : tokens) array.append(qint64(token));
    return array;
}

void readSettings(const JsonReader& json, FigureRecipe& recipe) {
    recipe.bins = json.positiveInteger("bins", recipe.bins);
    recipe.range = binRangeFromJson(json, "range");
    recipe.logCounts = json.boolean("log_counts", recipe.logCounts);
    readOverlay(json, recipe);
    readBarColour(json, recipe);
    recipe.showSpread = json.boolean("show_spread", recipe.showSpread);
    recipe.showExtremes = json.boolean("show_extremes", recipe.showExtremes);
    recipe.markCurrentSite = json.boolean("mark_current_site", recipe.markCurrentSite);
    recipe.rowFractions = json.boolean("row_fractions", recipe.rowFractions);
    recipe.massive = massiveThresholdsFromJson(json.object("massive"));
    recipe.ioCurve = ioCurveColouringFromJson(json.object("io_curve"));
    recipe.projection = projectionSettingsFromJson(json.object("projection"));
    recipe.ellipsoid = ellipsoidSettingsFromJson(json.object("ellipsoid"));
    recipe.selection = json.tokens("selection");
}

// `tokens`, or an older recipe's single `token`.
std::vector<Index> readStepTokens(const JsonReader& json, const std::vector<Index>& fallback) {
    if (!json.has("tokens"))
        return json.has("token") ? std::vector<Index>{json.integer("token", std::int64_t(0))}
                                 : fallback;
    const std::vector<Index> tokens = json.tokens("tokens");
    if (tokens.empty() || tokens.size() > kMaxWalkedTokens)
        json.fail("tokens", QString("has %1 tokens; the step-through walks 1 to %2")
                                .arg(tokens.size())
                                .arg(kMaxWalkedTokens));
    return tokens;
}

void readComparison(const JsonReader& json, FigureRecipe& recipe) {
    if (!json.has("compare")) return;
    const JsonReader compare = json.object("compare");
    recipe.compareFile = compare.string("file").toStdString();
    if (recipe.compareFile.empty())
        compare.fail("file", "is missing: the comparison names no dump");
    recipe.compareDataset = compare.string("dataset").toStdString();
}

void readFigure(const JsonReader& json, FigureRecipe& recipe) {
    recipe.tokens = readStepTokens(json, recipe.tokens);
    recipe.step = json.integer("step", recipe.step);
    recipe.width = json.integer("width", recipe.width);
    recipe.height = json.integer("height", recipe.height);
    if (recipe.width < 0 || recipe.height < 0)
        json.fail(recipe.width < 0 ? "width" : "height",
                  "must be 0 (the view's default) or a size in points");
    recipe.scale = json.number("scale", recipe.scale);
    recipe.transparent = json.boolean("transparent", recipe.transparent);
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
        {"massive", massiveThresholdsToJson(recipe.massive)},
        {"io_curve", ioCurveColouringToJson(recipe.ioCurve)},
        {"projection", projectionSettingsToJson(recipe.projection)},
        {"ellipsoid", ellipsoidSettingsToJson(recipe.ellipsoid)},
    };
    if (recipe.range) object.insert("range", valueRangeToJson(*recipe.range));
    if (recipe.overlay)
        object.insert("overlay", QJsonObject{{"site", QString::fromStdString(recipe.overlay->site)},
                                             {"metric", metricToJson(recipe.overlay->metric)}});
    if (!recipe.selection.empty()) object.insert("selection", tokenArray(recipe.selection));
    return object;
}

}  // namespace

std::string_view figureViewName(FigureView view) { return enum_name(kViewNames, view); }

std::optional<FigureView> figureViewFromName(std::string_view name) {
    return enum_named(kViewNames, name);
}

std::string figureViewChoices() { return enum_name_list(kViewNames); }

QByteArray recipeToJson(const FigureRecipe& recipe) {
    QJsonObject object = settingsToJson(recipe);
    const QJsonObject figure{
        {"lngeom_figure_recipe", kRecipeVersion},
        {"file", QString::fromStdString(recipe.file)},
        {"dataset", QString::fromStdString(recipe.dataset)},
        {"view", text(figureViewName(recipe.view))},
        {"site", QString::fromStdString(recipe.site)},
        {"metric", metricToJson(recipe.metric)},
        {"tokens", tokenArray(recipe.tokens)},
        {"step", recipe.step},
        {"width", recipe.width},
        {"height", recipe.height},
        {"scale", recipe.scale},
        {"transparent", recipe.transparent},
    };
    for (auto it = figure.begin(); it != figure.end(); ++it) object.insert(it.key(), it.value());
    if (recipe.camera) object.insert("camera", cameraPoseToJson(*recipe.camera));
    if (!recipe.compareFile.empty())
        object.insert("compare",
                      QJsonObject{{"file", QString::fromStdString(recipe.compareFile)},
                                  {"dataset", QString::fromStdString(recipe.compareDataset)}});
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

FigureRecipe recipeFromJson(const QByteArray& json, const std::string& path) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw FormatError(path, "",
                          "is not a figure recipe (" + error.errorString().toStdString() +
                              " at byte " + std::to_string(error.offset) + ")");
    const JsonReader object(document.object(), QString::fromStdString(path));
    if (!object.has("lngeom_figure_recipe"))
        object.fail("lngeom_figure_recipe", "is missing: this is not a figure recipe");
    object.integer("lngeom_figure_recipe", kRecipeVersion);
    FigureRecipe recipe;
    recipe.file = object.string("file").toStdString();
    if (recipe.file.empty()) object.fail("file", "is missing: the recipe names no dump");
    recipe.dataset = object.string("dataset").toStdString();
    recipe.view = readView(object);
    readComparison(object, recipe);
    recipe.site = object.string("site").toStdString();
    recipe.metric = object.metric("metric", recipe.metric);
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
