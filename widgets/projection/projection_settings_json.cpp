#include "widgets/projection/projection_settings_json.h"

#include <QStringList>

#include <array>
#include <string_view>
#include <utility>

namespace lngeom::widgets {
namespace {

template <typename Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

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

// A value missing from its table is written as "unnamed", which reading refuses: a recipe never
// silently draws another mode than the one exported.
template <typename Enum, std::size_t N>
QString nameOf(const Names<Enum, N>& names, Enum value) {
    for (const auto& [known, name] : names)
        if (known == value) return QString::fromUtf8(name.data(), qsizetype(name.size()));
    return QStringLiteral("unnamed");
}

template <typename Enum, std::size_t N>
Enum valueOf(const Names<Enum, N>& names, const JsonReader& json, const char* key, Enum fallback) {
    if (!json.has(key)) return fallback;
    const QString name = json.string(key);
    QStringList known;
    for (const auto& entry : names) {
        known.append(nameOf(names, entry.first));
        if (known.last() == name) return entry.first;
    }
    json.fail(key, QString("'%1' is not one of %2").arg(name, known.join(", ")));
}

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
