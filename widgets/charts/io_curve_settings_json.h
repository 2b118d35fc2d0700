#pragma once
// The input–output curve's colouring in figure recipes and sessions: {"colour": "density"},
// "channel" or "token" (core/charts/io_curve_colouring.h).

#include <QJsonObject>

#include "core/charts/io_curve_colouring.h"

namespace lngeom::widgets {

class JsonReader;

QJsonObject ioCurveColouringToJson(IoCurveColouring colouring);
// An absent key keeps the density; FormatError (through `json`) naming "colour" and the choices
// for another name.
IoCurveColouring ioCurveColouringFromJson(const JsonReader& json);

}  // namespace lngeom::widgets
