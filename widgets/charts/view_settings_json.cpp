#include "widgets/charts/view_settings_json.h"

namespace lngeom::widgets {

QString metricToJson(Metric metric) {
    const std::string_view key = describe(metric).key;
    return QString::fromUtf8(key.data(), qsizetype(key.size()));
}

QJsonArray valueRangeToJson(const ValueRange& range) { return {range.low, range.high}; }

std::optional<ValueRange> valueRangeFromJson(const JsonReader& json, const char* key) {
    const std::vector<double> bounds = json.numbers(key, 2, "low, high");
    if (bounds.empty()) return std::nullopt;
    return ValueRange{bounds[0], bounds[1]};
}

std::optional<ValueRange> binRangeFromJson(const JsonReader& json, const char* key) {
    const std::optional<ValueRange> range = valueRangeFromJson(json, key);
    if (range && !(range->low < range->high)) json.fail(key, "must be [low, high] with low < high");
    return range;
}

namespace {

// The overlay's site as JSON: its index, or -1 for the current site.
qint64 overlaySiteToJson(std::optional<SiteIndex> site) { return site ? qint64(*site) : -1; }

}  // namespace

QJsonObject histogramSettingsToJson(const HistogramSettings& settings) {
    QJsonObject json{{"metric", metricToJson(settings.metric)},
                     {"bins", settings.bins},
                     {"log_counts", settings.logCounts}};
    if (settings.range) json["range"] = valueRangeToJson(*settings.range);
    if (settings.overlay)
        json["overlay"] = QJsonObject{{"site", overlaySiteToJson(settings.overlay->site)},
                                      {"metric", metricToJson(settings.overlay->metric)}};
    return json;
}

HistogramSettings histogramSettingsFromJson(const JsonReader& json) {
    HistogramSettings settings;
    settings.metric = json.metric("metric", settings.metric);
    settings.bins = json.positiveInteger("bins", settings.bins);
    settings.logCounts = json.boolean("log_counts", settings.logCounts);
    settings.range = binRangeFromJson(json, "range");
    if (json.has("overlay")) {
        const JsonReader overlay = json.object("overlay");
        if (!overlay.has("metric")) overlay.fail("metric", "missing");
        settings.overlay =
            HistogramOverlay{overlay.siteIndex("site"), overlay.metric("metric", settings.metric)};
    }
    return settings;
}

QJsonObject heatmapSettingsToJson(const LayerHeatmapSettings& settings) {
    QJsonObject json{{"metric", metricToJson(settings.metric)},
                     {"bins", settings.bins},
                     {"row_fractions", settings.rowFractions}};
    if (settings.range) json["range"] = valueRangeToJson(*settings.range);
    return json;
}

LayerHeatmapSettings heatmapSettingsFromJson(const JsonReader& json) {
    LayerHeatmapSettings settings;
    settings.metric = json.metric("metric", settings.metric);
    settings.bins = json.positiveInteger("bins", settings.bins);
    settings.range = binRangeFromJson(json, "range");
    settings.rowFractions = json.boolean("row_fractions", settings.rowFractions);
    return settings;
}

QJsonObject curvesSettingsToJson(const LayerCurvesSettings& settings) {
    return {{"metric", metricToJson(settings.metric)},
            {"spread", settings.showSpread},
            {"extremes", settings.showExtremes},
            {"difference", settings.showDifference}};
}

LayerCurvesSettings curvesSettingsFromJson(const JsonReader& json) {
    LayerCurvesSettings settings;
    settings.metric = json.metric("metric", settings.metric);
    settings.showSpread = json.boolean("spread", settings.showSpread);
    settings.showExtremes = json.boolean("extremes", settings.showExtremes);
    settings.showDifference = json.boolean("difference", settings.showDifference);
    return settings;
}

}  // namespace lngeom::widgets
