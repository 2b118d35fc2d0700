#pragma once
// The projection as an SVG drawn from its geometry rather than from pixels: the 1 axis and the
// two horizontal axes with their names, the equator of the √d sphere (where the hyperplane ⊥ 1
// cuts it), the sphere's outline as seen, and every point as a circle coloured like the view's,
// farthest first, all through the scene's camera. Text stays text.

#include <string>

#include "core/projected_cloud.h"

namespace lngeom::widgets {

class DumpDocument;
class VtkViewWidget;

// Writes `path` atomically; lngeom::Error naming it when it cannot be written.
void writeProjectionSvg(const ProjectedCloud& cloud, VtkViewWidget& scene,
                        const DumpDocument& document, const std::string& path);

}  // namespace lngeom::widgets
