#pragma once
// The views' part of a session file: each view's settings to JSON and back (the projection's are
// widgets/projection_settings_json, shared with figure recipes).

#include <QJsonObject>

#include "app/session.h"
#include "widgets/json_reader.h"

namespace lngeom::app {

QJsonObject histogramToJson(const widgets::HistogramSettings& settings);
widgets::HistogramSettings histogramFromJson(const widgets::JsonReader& json);
QJsonObject heatmapToJson(const widgets::LayerHeatmapSettings& settings);
widgets::LayerHeatmapSettings heatmapFromJson(const widgets::JsonReader& json);
QJsonObject curvesToJson(const widgets::LayerCurvesSettings& settings);
widgets::LayerCurvesSettings curvesFromJson(const widgets::JsonReader& json);
QJsonObject tableToJson(const widgets::TokenTableSettings& settings);
widgets::TokenTableSettings tableFromJson(const widgets::JsonReader& json);
QJsonObject stepThroughToJson(const StepThroughState& state);
StepThroughState stepThroughFromJson(const widgets::JsonReader& json);

}  // namespace lngeom::app
