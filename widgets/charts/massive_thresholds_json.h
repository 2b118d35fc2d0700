#pragma once
// The massive-activation thresholds A and R (core/analysis/massive_activations.h) in figure
// recipes and sessions: {"abs": A, "ratio": R}.

#include <QJsonObject>

#include "core/analysis/massive_activations.h"

namespace lngeom::widgets {

class JsonReader;

QJsonObject massiveThresholdsToJson(const MassiveThresholds& thresholds);
// Absent keys keep the defaults (100, 1000); FormatError (through `json`) for a negative one.
MassiveThresholds massiveThresholdsFromJson(const JsonReader& json);

}  // namespace lngeom::widgets
