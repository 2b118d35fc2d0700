#pragma once
// The projection view's settings as JSON, for figure recipes and sessions: representation,
// placement, colour mode, basis (its choice and that choice's parameters) and the number of points
// drawn. Enum values are written by name, so a file stays readable and survives reordered enums.

#include <QJsonObject>

#include <optional>
#include <string>
#include <string_view>

#include "widgets/projection/projection_settings.h"
#include "widgets/support/json_reader.h"

namespace lngeom::widgets {

QJsonObject projectionSettingsToJson(const ProjectionSettings& settings);

// Missing keys keep their defaults; lngeom::FormatError naming the file and the key
// ("projection.basis.choice") for an unknown name or a value of the wrong type.
ProjectionSettings projectionSettingsFromJson(const JsonReader& json);

// The colour modes by their recipe names (layer, norm, ...), for the command line's --colour;
// nullopt for an unknown name. The names, comma-separated, for the message refusing one.
std::optional<ProjectionColour> projectionColourNamed(std::string_view name);
std::string projectionColourNames();

}  // namespace lngeom::widgets
