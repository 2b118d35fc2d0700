#include "app/session_views.h"

#include <QJsonArray>

namespace lngeom::app {
namespace {

QString metricKey(Metric metric) {
    const std::string_view key = describe(metric).key;
    return QString::fromUtf8(key.data(), qsizetype(key.size()));
}

QJsonArray rangeToJson(const ValueRange& range) { return {range.low, range.high}; }

std::optional<ValueRange> rangeFromJson(const widgets::JsonReader& json, const char* key) {
    const std::vector<double> range = json.numbers(key, 2);
    if (range.empty()) return std::nullopt;
    return ValueRange{range[0], range[1]};
}

int positive(const widgets::JsonReader& json, const char* key, int fallback) {
    const int value = json.integer(key, fallback);
    if (value < 1) json.fail(key, "must be at least 1");
    return value;
}

}  // namespace

QJsonObject histogramToJson(const widgets::HistogramSettings& settings) {
    QJsonObject json{{"metric", metricKey(settings.metric)},
                     {"bins", settings.bins},
                     {"log_counts", settings.logCounts}};
    if (settings.range) json["range"] = rangeToJson(*settings.range);
    if (settings.overlay)
        json["overlay"] = QJsonObject{{"site", settings.overlay->site},
                                      {"metric", metricKey(settings.overlay->metric)}};
    return json;
}

widgets::HistogramSettings histogramFromJson(const widgets::JsonReader& json) {
    widgets::HistogramSettings settings;
    settings.metric = json.metric("metric", settings.metric);
    settings.bins = positive(json, "bins", settings.bins);
    settings.logCounts = json.boolean("log_counts", false);
    settings.range = rangeFromJson(json, "range");
    if (json.has("overlay")) {
        const widgets::JsonReader overlay = json.object("overlay");
        if (!overlay.has("metric")) overlay.fail("metric", "missing");
        settings.overlay = widgets::HistogramOverlay{overlay.integer("site", -1),
                                                     overlay.metric("metric", settings.metric)};
    }
    return settings;
}

QJsonObject heatmapToJson(const widgets::LayerHeatmapSettings& settings) {
    QJsonObject json{{"metric", metricKey(settings.metric)},
                     {"bins", settings.bins},
                     {"row_fractions", settings.rowFractions}};
    if (settings.range) json["range"] = rangeToJson(*settings.range);
    return json;
}

widgets::LayerHeatmapSettings heatmapFromJson(const widgets::JsonReader& json) {
    widgets::LayerHeatmapSettings settings;
    settings.metric = json.metric("metric", settings.metric);
    settings.bins = positive(json, "bins", settings.bins);
    settings.range = rangeFromJson(json, "range");
    settings.rowFractions = json.boolean("row_fractions", settings.rowFractions);
    return settings;
}

QJsonObject curvesToJson(const widgets::LayerCurvesSettings& settings) {
    return {{"metric", metricKey(settings.metric)},
            {"spread", settings.showSpread},
            {"extremes", settings.showExtremes},
            {"difference", settings.showDifference}};
}

widgets::LayerCurvesSettings curvesFromJson(const widgets::JsonReader& json) {
    widgets::LayerCurvesSettings settings;
    settings.metric = json.metric("metric", settings.metric);
    settings.showSpread = json.boolean("spread", settings.showSpread);
    settings.showExtremes = json.boolean("extremes", settings.showExtremes);
    settings.showDifference = json.boolean("difference", settings.showDifference);
    return settings;
}

QJsonObject tableToJson(const widgets::TokenTableSettings& settings) {
    QJsonObject json{{"search", settings.filter.text},
                     {"sort_column", settings.sortColumn},
                     {"descending", settings.sortOrder == Qt::DescendingOrder}};
    if (settings.filter.metric) json["range_metric"] = metricKey(*settings.filter.metric);
    if (settings.filter.range) json["range"] = rangeToJson(*settings.filter.range);
    return json;
}

widgets::TokenTableSettings tableFromJson(const widgets::JsonReader& json) {
    widgets::TokenTableSettings settings;
    settings.filter.text = json.string("search");
    if (json.has("range_metric"))
        settings.filter.metric = json.metric("range_metric", Metric::AngleToUniformDeg);
    settings.filter.range = rangeFromJson(json, "range");
    settings.sortColumn = json.integer("sort_column", settings.sortColumn);
    settings.sortOrder =
        json.boolean("descending", false) ? Qt::DescendingOrder : Qt::AscendingOrder;
    return settings;
}

QJsonObject stepThroughToJson(const StepThroughState& state) {
    QJsonArray tokens;
    for (const Index token : state.tokens) tokens.append(qint64(token));
    QJsonObject json{{"step", state.settings.step},
                     {"interval_ms", state.settings.intervalMs},
                     {"tokens", tokens}};
    if (state.teachingVector) {
        const Eigen::Vector3d& x = *state.teachingVector;
        json["teaching_vector"] = QJsonArray{x(0), x(1), x(2)};
    }
    return json;
}

StepThroughState stepThroughFromJson(const widgets::JsonReader& json) {
    StepThroughState state;
    state.settings.step = json.integer("step", state.settings.step);
    state.settings.intervalMs = positive(json, "interval_ms", state.settings.intervalMs);
    state.tokens = json.tokens("tokens");
    const std::vector<double> x = json.numbers("teaching_vector", 3);
    if (!x.empty()) state.teachingVector = Eigen::Vector3d(x[0], x[1], x[2]);
    return state;
}

}  // namespace lngeom::app
