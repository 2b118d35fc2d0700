#include "widgets/projection/projection_settings_json.h"

#include "widgets/support/json_enum_names.h"

namespace lngeom::widgets {
namespace {

constexpr Names<Representation, 4> kRepresentations{{
    {Representation::Input, "input"},
    {Representation::LnStandardized, "ln_standardized"},
    {Representation::RmsStandardized, "rms_standardized"},
    {Representation::Output, "output"},
}};
constexpr Names<Placement, 2> kPlacements{{
    {Placement::Linear, "linear"},
    {Placement::TrueRadius, "true_radius"},
}};
constexpr Names<ProjectionColour, 5> kColours{{
    {ProjectionColour::AngleToUniform, "angle_to_uniform"},
    {ProjectionColour::Norm, "norm"},
    {ProjectionColour::Position, "position"},
    {ProjectionColour::Selection, "selection"},
    {ProjectionColour::Layer, "layer"},
}};
constexpr Names<BasisChoice, 4> kBases{{
    {BasisChoice::Principal, "principal"},
    {BasisChoice::Coordinates, "coordinates"},
    {BasisChoice::Token, "token"},
    {BasisChoice::Random, "random"},
}};

QJsonObject basisToJson(const BasisRequest& basis) {
    return {{"choice", nameOf(kBases, basis.choice)},
            {"coordinate_i", qint64(basis.coordinate_i)},
            {"coordinate_j", qint64(basis.coordinate_j)},
            {"token", qint64(basis.token)},
            {"seed", qint64(basis.seed)},
            {"max_rows", qint64(basis.max_rows)}};
}

BasisRequest basisFromJson(const JsonReader& json) {
    BasisRequest basis;
    basis.choice = valueOf(kBases, json, "choice", basis.choice);
    basis.coordinate_i = json.integer("coordinate_i", basis.coordinate_i);
    basis.coordinate_j = json.integer("coordinate_j", basis.coordinate_j);
    basis.token = json.integer("token", basis.token);
    const std::int64_t seed = json.integer("seed", std::int64_t(basis.seed));
    if (seed < 0) json.fail("seed", "must not be negative");
    basis.seed = std::uint64_t(seed);
    basis.max_rows = json.integer("max_rows", basis.max_rows);
    if (basis.max_rows < 1) json.fail("max_rows", "must be at least 1");
    return basis;
}

}  // namespace

QJsonObject projectionSettingsToJson(const ProjectionSettings& settings) {
    return {{"representation", nameOf(kRepresentations, settings.representation)},
            {"placement", nameOf(kPlacements, settings.placement)},
            {"colour", nameOf(kColours, settings.colour)},
            {"basis", basisToJson(settings.basis)},
            {"max_points", qint64(settings.maxPoints)}};
}

ProjectionSettings projectionSettingsFromJson(const JsonReader& json) {
    ProjectionSettings settings;
    settings.representation =
        valueOf(kRepresentations, json, "representation", settings.representation);
    settings.placement = valueOf(kPlacements, json, "placement", settings.placement);
    settings.colour = valueOf(kColours, json, "colour", settings.colour);
    settings.basis = basisFromJson(json.object("basis"));
    settings.maxPoints = json.integer("max_points", settings.maxPoints);
    if (settings.maxPoints < 1) json.fail("max_points", "must be at least 1");
    return settings;
}

std::optional<ProjectionColour> projectionColourNamed(std::string_view name) {
    for (const auto& [colour, known] : kColours)
        if (known == name) return colour;
    return std::nullopt;
}

std::string projectionColourNames() {
    std::string names;
    for (const auto& entry : kColours)
        names += (names.empty() ? "" : ", ") + std::string(entry.second);
    return names;
}

}  // namespace lngeom::widgets
