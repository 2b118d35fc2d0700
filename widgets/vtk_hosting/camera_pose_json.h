#pragma once
// A CameraPose in the JSON of sessions and figure recipes:
// {"position": [x, y, z], "focal_point": [...], "view_up": [...], "view_angle": degrees}.

#include <QJsonObject>

#include "widgets/vtk_hosting/camera_pose.h"

namespace lngeom::widgets {

class JsonReader;

QJsonObject cameraPoseToJson(const CameraPose& pose);
// lngeom::FormatError naming the key when position, focal_point or view_up is missing or not 3
// numbers; a missing view_angle keeps the default.
CameraPose cameraPoseFromJson(const JsonReader& json);

}  // namespace lngeom::widgets
