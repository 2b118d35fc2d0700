#pragma once
// What the projection view shows, as a plain struct a session or figure recipe can save:
// which vector of each token, how it is placed, the basis, and what colours the points.

#include <QString>

#include "core/geometry/projected_cloud.h"

namespace lngeom::widgets {

// Layer draws every site of the current site's kind (every ln1, say) in the current site's basis.
enum class ProjectionColour { AngleToUniform, Norm, Position, Selection, Layer };

struct ProjectionSettings {
    Representation representation = Representation::Input;
    Placement placement = Placement::Linear;
    ProjectionColour colour = ProjectionColour::AngleToUniform;
    BasisRequest basis;
    Index maxPoints = 2000000;  // tokens drawn per site: the first maxPoints
};

// Short names for menus, and the formula of what is drawn, for the view's title.
QString representationName(Representation representation);
QString representationFormula(Representation representation);
QString placementName(Placement placement);
QString colourName(ProjectionColour colour);
QString basisName(BasisChoice choice);

}  // namespace lngeom::widgets
