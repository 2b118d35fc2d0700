#include "widgets/charts/io_curve_settings_json.h"

#include "widgets/support/json_enum_names.h"

namespace lngeom::widgets {

QJsonObject ioCurveColouringToJson(IoCurveColouring colouring) {
    return {{"colour", nameOf(kIoCurveColouringNames, colouring)}};
}

IoCurveColouring ioCurveColouringFromJson(const JsonReader& json) {
    return valueOf(kIoCurveColouringNames, json, "colour", IoCurveColouring::Density);
}

}  // namespace lngeom::widgets
