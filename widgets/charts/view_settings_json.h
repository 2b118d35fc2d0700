#pragma once
// The chart views' settings as JSON, for sessions and figure recipes: the histogram's, the layer
// heatmap's and the layer curves'. Metrics are written by key, so a file stays readable and
// survives reordered enums; a missing key keeps its default (files written before it existed).

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

#include "core/charts/histogram_range.h"
#include "core/metrics/metrics.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/charts/layer_heatmap_view.h"
#include "widgets/support/json_reader.h"

namespace lngeom::widgets {

QString metricToJson(Metric metric);                   // its key, "angle_to_uniform_deg"
QJsonArray valueRangeToJson(const ValueRange& range);  // [low, high]
// nullopt when `key` is absent.
std::optional<ValueRange> valueRangeFromJson(const JsonReader& json, const char* key);
// The same for the range bins are laid over, which must have low < high.
std::optional<ValueRange> binRangeFromJson(const JsonReader& json, const char* key);

QJsonObject histogramSettingsToJson(const HistogramSettings& settings);
HistogramSettings histogramSettingsFromJson(const JsonReader& json);
QJsonObject heatmapSettingsToJson(const LayerHeatmapSettings& settings);
LayerHeatmapSettings heatmapSettingsFromJson(const JsonReader& json);
QJsonObject curvesSettingsToJson(const LayerCurvesSettings& settings);
LayerCurvesSettings curvesSettingsFromJson(const JsonReader& json);

}  // namespace lngeom::widgets
