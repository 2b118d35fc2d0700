#include "widgets/vtk_hosting/camera_pose_json.h"

#include <QJsonArray>

#include <algorithm>

#include "widgets/support/json_reader.h"

namespace lngeom::widgets {
namespace {

QJsonArray vectorToJson(const std::array<double, 3>& values) {
    return {values[0], values[1], values[2]};
}

std::array<double, 3> vectorFromJson(const JsonReader& json, const char* key) {
    if (!json.has(key)) json.fail(key, "missing");
    const std::vector<double> numbers = json.numbers(key, 3);
    std::array<double, 3> values{};
    std::copy(numbers.begin(), numbers.end(), values.begin());
    return values;
}

}  // namespace

QJsonObject cameraPoseToJson(const CameraPose& pose) {
    return {{"position", vectorToJson(pose.position)},
            {"focal_point", vectorToJson(pose.focalPoint)},
            {"view_up", vectorToJson(pose.viewUp)},
            {"view_angle", pose.viewAngle}};
}

CameraPose cameraPoseFromJson(const JsonReader& json) {
    CameraPose pose;
    pose.position = vectorFromJson(json, "position");
    pose.focalPoint = vectorFromJson(json, "focal_point");
    pose.viewUp = vectorFromJson(json, "view_up");
    pose.viewAngle = json.number("view_angle", pose.viewAngle);
    return pose;
}

}  // namespace lngeom::widgets
