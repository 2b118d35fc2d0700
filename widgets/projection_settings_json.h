#pragma once
// The projection view's settings as JSON, for figure recipes: representation, placement, colour
// mode, basis (its choice and that choice's parameters) and the number of points drawn. Enum
// values are written by name, so a recipe stays readable and survives reordered enums.

#include <QJsonObject>

#include "widgets/projection_settings.h"
#include "widgets/recipe_json.h"

namespace lngeom::widgets {

QJsonObject projectionSettingsToJson(const ProjectionSettings& settings);

// Missing keys keep their defaults; lngeom::FormatError naming the recipe file and the key
// ("projection.basis.choice") for an unknown name or a value of the wrong type.
ProjectionSettings projectionSettingsFromJson(const RecipeObject& json);

}  // namespace lngeom::widgets
