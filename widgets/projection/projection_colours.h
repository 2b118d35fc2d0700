#pragma once
// The colour of each point of the projection view, from the site's per-token metrics, labels or
// selection, with a range and a title for the scalar bar. What a colouring reads is taken on
// the GUI thread (ColourSource), so the values of a large cloud can be read on a worker.

#include <memory>
#include <span>

#include "core/columns/column_source.h"
#include "core/metrics/statistics.h"
#include "core/tokens/token_set.h"
#include "widgets/projection/projection_cloud_actor.h"
#include "widgets/projection/projection_settings.h"

namespace lngeom::widgets {

class DumpDocument;

struct ColourSource {
    std::shared_ptr<const ColumnSource> columns;
    std::shared_ptr<const Dump> dump;
    std::shared_ptr<const TokenSet> selection;
    SiteInfo site;
    Summary angle;  // the site's summaries of the metrics coloured by
    Summary norm;
};

// The document must be ready.
ColourSource colourSource(const DumpDocument& document, SiteIndex site);

// One value per token of `tokens` (the points drawn, ascending) at the source's site.
PointColours pointColours(ProjectionColour colour, const ColourSource& source,
                          std::span<const Index> tokens);
// Each point's layer, for a cloud that spans the layers of `siteKind` (ProjectedCloud::layers),
// labelled on whole layers (every layer, or evenly spaced ones when there are many).
PointColours layerColours(std::span<const int> layers, const std::string& siteKind);
// The colours of `cloud` as the view and its figures draw them: by layer when the cloud spans
// the layers of a site kind, else `colour` of each token at the cloud's site.
PointColours cloudColours(ProjectionColour colour, const ColourSource& source,
                          const ProjectedCloud& cloud);
PointColours cloudColours(ProjectionColour colour, const DumpDocument& document,
                          const ProjectedCloud& cloud);

}  // namespace lngeom::widgets
