#include "widgets/figure_recipe.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/errors.h"

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

QJsonValue required(const QJsonObject& object, const char* key, QJsonValue::Type type,
                    const std::string& path) {
    const QJsonValue value = object.value(key);
    if (value.type() != type)
        throw FormatError(path, key, "is missing or has the wrong type in this figure recipe");
    return value;
}

void readRange(const QJsonObject& object, FigureRecipe& recipe, const std::string& path) {
    const QJsonValue range = object.value("range");
    if (range.isNull() || range.isUndefined()) return;
    const QJsonArray bounds = range.toArray();
    if (bounds.size() != 2 || !(bounds[0].toDouble() < bounds[1].toDouble()))
        throw FormatError(path, "range", "must be [low, high] with low < high");
    recipe.range = ValueRange{bounds[0].toDouble(), bounds[1].toDouble()};
}

void readCamera(const QJsonObject& object, FigureRecipe& recipe, const std::string& path) {
    const QJsonValue camera = object.value("camera");
    if (camera.isNull() || camera.isUndefined()) return;
    const QJsonArray numbers = camera.toArray();
    if (numbers.size() != 9)
        throw FormatError(path, "camera", "must hold 9 numbers (position, focal point, view-up)");
    std::array<double, 9> values{};
    for (int i = 0; i < 9; ++i) values[std::size_t(i)] = numbers[i].toDouble();
    recipe.camera = values;
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
    QJsonObject object{
        {"lngeom_figure_recipe", kRecipeVersion},
        {"file", QString::fromStdString(recipe.file)},
        {"dataset", QString::fromStdString(recipe.dataset)},
        {"view", text(figureViewName(recipe.view))},
        {"site", QString::fromStdString(recipe.site)},
        {"metric", text(describe(recipe.metric).key)},
        {"bins", recipe.bins},
        {"range", recipe.range ? QJsonValue(QJsonArray{recipe.range->low, recipe.range->high})
                               : QJsonValue()},
        {"log_counts", recipe.logCounts},
        {"token", qint64(recipe.token)},
        {"step", recipe.step},
        {"width", recipe.width},
        {"height", recipe.height},
        {"scale", recipe.scale},
        {"transparent", recipe.transparent},
    };
    if (recipe.camera) {
        QJsonArray camera;
        for (double value : *recipe.camera) camera.append(value);
        object.insert("camera", camera);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

FigureRecipe recipeFromJson(const QByteArray& json, const std::string& path) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw FormatError(path, "",
                          "is not a figure recipe (" + error.errorString().toStdString() +
                              " at byte " + std::to_string(error.offset) + ")");
    const QJsonObject object = document.object();
    required(object, "lngeom_figure_recipe", QJsonValue::Double, path);
    FigureRecipe recipe;
    recipe.file = required(object, "file", QJsonValue::String, path).toString().toStdString();
    recipe.dataset = object.value("dataset").toString().toStdString();
    const std::string view =
        required(object, "view", QJsonValue::String, path).toString().toStdString();
    const auto knownView = figureViewFromName(view);
    if (!knownView) throw FormatError(path, "view", "'" + view + "' is not a view lngeom draws");
    recipe.view = *knownView;
    recipe.site = object.value("site").toString().toStdString();
    const std::string metric =
        required(object, "metric", QJsonValue::String, path).toString().toStdString();
    const auto knownMetric = metric_from_key(metric);
    if (!knownMetric) throw FormatError(path, "metric", "'" + metric + "' is not a metric");
    recipe.metric = *knownMetric;
    recipe.bins = object.value("bins").toInt(recipe.bins);
    readRange(object, recipe, path);
    recipe.logCounts = object.value("log_counts").toBool();
    recipe.token = Index(object.value("token").toInteger(0));
    recipe.step = object.value("step").toInt(0);
    recipe.width = object.value("width").toInt(recipe.width);
    recipe.height = object.value("height").toInt(recipe.height);
    recipe.scale = object.value("scale").toDouble(recipe.scale);
    recipe.transparent = object.value("transparent").toBool();
    readCamera(object, recipe, path);
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
