#include "widgets/ellipsoid/ellipsoid_settings_json.h"

#include "widgets/support/json_enum_names.h"

namespace lngeom::widgets {
namespace {

constexpr Names<AxisChoice, 2> kAxes{{
    {AxisChoice::Largest, "largest"},
    {AxisChoice::MostOccupied, "most_occupied"},
}};
constexpr Names<EllipsoidColour, 3> kColours{{
    {EllipsoidColour::AxisShare, "axis_share"},
    {EllipsoidColour::ShellDepth, "shell_depth"},
    {EllipsoidColour::Selection, "selection"},
}};

}  // namespace

QJsonObject ellipsoidSettingsToJson(const EllipsoidSettings& settings) {
    return {{"axes", nameOf(kAxes, settings.axes)},
            {"colour", nameOf(kColours, settings.colour)},
            {"max_points", qint64(settings.maxPoints)}};
}

EllipsoidSettings ellipsoidSettingsFromJson(const JsonReader& json) {
    EllipsoidSettings settings;
    settings.axes = valueOf(kAxes, json, "axes", settings.axes);
    settings.colour = valueOf(kColours, json, "colour", settings.colour);
    settings.maxPoints = json.integer("max_points", settings.maxPoints);
    if (settings.maxPoints < 1) json.fail("max_points", "must be at least 1");
    return settings;
}

}  // namespace lngeom::widgets
