#pragma once
// The views' part of a session file that only sessions hold: the token table's settings and the
// step-through's walk. The charts' and the projection's settings are widgets/view_settings_json
// and widgets/projection_settings_json, shared with figure recipes.

#include <QJsonObject>

#include "app/session/session.h"
#include "widgets/support/json_reader.h"

namespace lngeom::app {

QJsonObject tableToJson(const widgets::TokenTableSettings& settings);
widgets::TokenTableSettings tableFromJson(const widgets::JsonReader& json);
QJsonObject stepThroughToJson(const StepThroughState& state);
StepThroughState stepThroughFromJson(const widgets::JsonReader& json);

}  // namespace lngeom::app
