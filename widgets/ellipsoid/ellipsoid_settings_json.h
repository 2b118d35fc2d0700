#pragma once
// The γ-ellipsoid view's settings as JSON, for figure recipes and sessions: which axes, the
// colouring and the number of points drawn (the d = 3 teaching mode draws no dump, so neither a
// recipe nor a session keeps it).

#include <QJsonObject>

#include "widgets/ellipsoid/ellipsoid_settings.h"
#include "widgets/support/json_reader.h"

namespace lngeom::widgets {

QJsonObject ellipsoidSettingsToJson(const EllipsoidSettings& settings);
// Missing keys keep their defaults; lngeom::FormatError naming the file and the key
// ("ellipsoid.axes") for an unknown name or a value of the wrong type.
EllipsoidSettings ellipsoidSettingsFromJson(const JsonReader& json);

}  // namespace lngeom::widgets
