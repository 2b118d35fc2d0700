#include "widgets/projection/projection_colours.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/columns/column_blocks.h"
#include "core/io/token_labels.h"
#include "core/metrics/metrics.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"

namespace lngeom::widgets {
namespace {

// Angles are coloured symmetrically about 90°, so "orthogonal to 1" is the middle colour and
// both sides of the hyperplane read alike.
PointColours angleColours(const ColourSource& source, std::span<const Index> tokens) {
    const Summary& summary = source.angle;
    const double spread =
        std::max({std::abs(summary.p01 - 90.0), std::abs(summary.p99 - 90.0), 0.5});
    return {gather_values(*source.columns, Metric::AngleToUniformDeg, tokens), 90.0 - spread,
            90.0 + spread, std::string(describe(Metric::AngleToUniformDeg).label)};
}

PointColours normColours(const ColourSource& source, std::span<const Index> tokens) {
    const Summary& summary = source.norm;
    return {gather_values(*source.columns, Metric::Norm, tokens), summary.p01,
            std::max(summary.p99, summary.p01 + 1e-9), std::string(describe(Metric::Norm).label)};
}

PointColours positionColours(const ColourSource& source, std::span<const Index> tokens) {
    const bool stored = source.dump && source.dump->info().has_position;
    PointColours colours;
    colours.title = stored ? "position in text" : "token index";
    if (stored) {
        const TokenLabels labels = gather_token_labels(*source.dump, tokens);
        colours.values.assign(labels.position.begin(), labels.position.end());
    } else {
        colours.values.assign(tokens.begin(), tokens.end());
    }
    const auto [low, high] = std::minmax_element(colours.values.begin(), colours.values.end());
    colours.low = low == colours.values.end() ? 0.0 : *low;
    colours.high = high == colours.values.end() ? 1.0 : std::max<double>(*high, colours.low + 1);
    return colours;
}

PointColours selectionColours(const ColourSource& source, std::span<const Index> tokens) {
    PointColours colours{{}, 0.0, 1.0, "selected", true};
    for (Index token : tokens)
        colours.values.push_back(source.selection && source.selection->contains(token) ? 1.0f
                                                                                       : 0.0f);
    return colours;
}

// The most labels (at most 8) that fall on whole layers between the first and the last.
int wholeLayerLabels(int span) {
    for (int labels = std::min(span + 1, 8); labels > 2; --labels)
        if (span % (labels - 1) == 0) return labels;
    return 2;
}

}  // namespace

PointColours layerColours(std::span<const int> layers, const std::string& siteKind) {
    PointColours colours;
    colours.title = siteKind.empty() ? "layer" : "layer\n(every " + siteKind + ")";
    colours.values.assign(layers.begin(), layers.end());
    const auto [low, high] = std::minmax_element(layers.begin(), layers.end());
    colours.low = low == layers.end() ? 0 : *low;
    colours.high = high == layers.end() ? 0 : *high;
    colours.labelFormat = "%.0f";
    if (colours.high > colours.low) {
        colours.labels = wholeLayerLabels(int(colours.high - colours.low));
        return colours;
    }
    // One layer: its number goes in the title, and the bar gets no labels to misread.
    colours.title = "layer " + std::to_string(int(colours.low)) +
                    (siteKind.empty() ? std::string() : " (" + siteKind + ")");
    colours.high = colours.low + 1;
    colours.labels = 0;
    return colours;
}

ColourSource colourSource(const DumpDocument& document, SiteIndex site) {
    return {document.metrics().columns(site),
            document.dump(),
            document.selection()->snapshot(),
            document.info().sites[site],
            document.metrics().summary(site, Metric::AngleToUniformDeg),
            document.metrics().summary(site, Metric::Norm)};
}

PointColours pointColours(ProjectionColour colour, const ColourSource& source,
                          std::span<const Index> tokens) {
    switch (colour) {
        case ProjectionColour::Norm:
            return normColours(source, tokens);
        case ProjectionColour::Position:
            return positionColours(source, tokens);
        case ProjectionColour::Selection:
            return selectionColours(source, tokens);
        case ProjectionColour::Layer:
            // One site's points all share its layer.
            return layerColours(std::vector<int>(tokens.size(), source.site.layer),
                                source.site.site);
        default:
            return angleColours(source, tokens);
    }
}

PointColours cloudColours(ProjectionColour colour, const ColourSource& source,
                          const ProjectedCloud& cloud) {
    if (!cloud.layers.empty()) return layerColours(cloud.layers, source.site.site);
    return pointColours(colour, source, cloud.tokens);
}

PointColours cloudColours(ProjectionColour colour, const DumpDocument& document,
                          const ProjectedCloud& cloud) {
    return cloudColours(colour, colourSource(document, cloud.request.site), cloud);
}

}  // namespace lngeom::widgets
