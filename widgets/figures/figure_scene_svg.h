#pragma once
// The projection as an SVG (or a PDF painted from it) drawn from its geometry rather than from
// pixels: the 1 axis and the two horizontal axes with their names, the equator of the √d sphere
// (where the hyperplane ⊥ 1 cuts it), the sphere's outline as seen, and every point as a circle
// coloured like the view's, farthest first, all through the scene's camera. Text stays text.

#include <string>

#include "core/geometry/projected_cloud.h"
#include "widgets/projection/projection_settings.h"

namespace lngeom::widgets {

class DumpDocument;
class VtkViewWidget;

// Writes `path` atomically, as SVG, or for a .pdf path as PDF painted from that SVG; points
// coloured as the view colours them in `colour`. lngeom::Error naming `path` when it cannot be
// written.
void writeProjectionVector(const ProjectedCloud& cloud, ProjectionColour colour,
                           VtkViewWidget& scene, const DumpDocument& document,
                           const std::string& path);

}  // namespace lngeom::widgets
