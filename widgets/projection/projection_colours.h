#pragma once
// The colour of each point of the projection view, from the document's per-token metrics,
// labels or selection, with a range and a title for the scalar bar.

#include <span>

#include "widgets/projection/projection_cloud_actor.h"
#include "widgets/projection/projection_settings.h"

namespace lngeom::widgets {

class DumpDocument;

// One value per token of `tokens` (the points drawn) for `site`; the document must be ready.
PointColours pointColours(ProjectionColour colour, const DumpDocument& document, SiteIndex site,
                          std::span<const Index> tokens);
// Each point's layer, for a cloud that spans the layers of `siteKind` (ProjectedCloud::layers),
// labelled on whole layers (every layer, or evenly spaced ones when there are many).
PointColours layerColours(std::span<const int> layers, const std::string& siteKind);
// The colours of `cloud` as the view and its figures draw them: by layer when the cloud spans
// the layers of a site kind, else `colour` of each token at the cloud's site.
PointColours cloudColours(ProjectionColour colour, const DumpDocument& document,
                          const ProjectedCloud& cloud);

}  // namespace lngeom::widgets
