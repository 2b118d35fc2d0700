#pragma once
// The views' part of a session file: each view's settings to JSON and back. Enumerations are
// stored by name, so a session stays readable and survives reordered enums.

#include <QJsonObject>

#include "app/session.h"
#include "app/session_json.h"

namespace lngeom::app {

QJsonObject histogramToJson(const widgets::HistogramSettings& settings);
widgets::HistogramSettings histogramFromJson(const SessionJsonReader& json);
QJsonObject heatmapToJson(const widgets::LayerHeatmapSettings& settings);
widgets::LayerHeatmapSettings heatmapFromJson(const SessionJsonReader& json);
QJsonObject curvesToJson(const widgets::LayerCurvesSettings& settings);
widgets::LayerCurvesSettings curvesFromJson(const SessionJsonReader& json);
QJsonObject projectionToJson(const widgets::ProjectionSettings& settings);
widgets::ProjectionSettings projectionFromJson(const SessionJsonReader& json);
QJsonObject tableToJson(const widgets::TokenTableSettings& settings);
widgets::TokenTableSettings tableFromJson(const SessionJsonReader& json);
QJsonObject stepThroughToJson(const StepThroughState& state);
StepThroughState stepThroughFromJson(const SessionJsonReader& json);

}  // namespace lngeom::app
