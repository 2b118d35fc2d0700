#include "widgets/projection/projection_colours.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/metrics/metrics.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"

namespace lngeom::widgets {
namespace {

// Angles are coloured symmetrically about 90°, so "orthogonal to 1" is the middle colour and
// both sides of the hyperplane read alike.
PointColours angleColours(const DumpDocument& document, SiteIndex site,
                          std::span<const Index> tokens) {
    const auto columns = document.metrics().columns(site);
    const auto& summary = document.metrics().summary(site, Metric::AngleToUniformDeg);
    const double spread =
        std::max({std::abs(summary.p01 - 90.0), std::abs(summary.p99 - 90.0), 0.5});
    PointColours colours{
        {}, 90.0 - spread, 90.0 + spread, std::string(describe(Metric::AngleToUniformDeg).label)};
    for (Index token : tokens)
        colours.values.push_back(columns->values(token, column_of(Metric::AngleToUniformDeg)));
    return colours;
}

PointColours normColours(const DumpDocument& document, SiteIndex site,
                         std::span<const Index> tokens) {
    const auto columns = document.metrics().columns(site);
    const auto& summary = document.metrics().summary(site, Metric::Norm);
    PointColours colours{{},
                         summary.p01,
                         std::max(summary.p99, summary.p01 + 1e-9),
                         std::string(describe(Metric::Norm).label)};
    for (Index token : tokens)
        colours.values.push_back(columns->values(token, column_of(Metric::Norm)));
    return colours;
}

PointColours positionColours(const DumpDocument& document, std::span<const Index> tokens) {
    const auto& positions = document.labels().position;
    const bool stored = !positions.empty();
    PointColours colours;
    colours.title = stored ? "position in text" : "token index";
    for (Index token : tokens)
        colours.values.push_back(float(stored ? positions[std::size_t(token)] : token));
    const auto [low, high] = std::minmax_element(colours.values.begin(), colours.values.end());
    colours.low = low == colours.values.end() ? 0.0 : *low;
    colours.high = high == colours.values.end() ? 1.0 : std::max<double>(*high, colours.low + 1);
    return colours;
}

PointColours selectionColours(const DumpDocument& document, std::span<const Index> tokens) {
    PointColours colours{{}, 0.0, 1.0, "selected", true};
    for (Index token : tokens)
        colours.values.push_back(document.selection()->contains(token) ? 1.0f : 0.0f);
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

PointColours pointColours(ProjectionColour colour, const DumpDocument& document, SiteIndex site,
                          std::span<const Index> tokens) {
    switch (colour) {
        case ProjectionColour::Norm:
            return normColours(document, site, tokens);
        case ProjectionColour::Position:
            return positionColours(document, tokens);
        case ProjectionColour::Selection:
            return selectionColours(document, tokens);
        case ProjectionColour::Layer: {
            // One site's points all share its layer.
            const SiteInfo& info = document.info().sites[site];
            return layerColours(std::vector<int>(tokens.size(), info.layer), info.site);
        }
        default:
            return angleColours(document, site, tokens);
    }
}

PointColours cloudColours(ProjectionColour colour, const DumpDocument& document,
                          const ProjectedCloud& cloud) {
    if (!cloud.layers.empty())
        return layerColours(cloud.layers, document.info().sites[cloud.request.site].site);
    return pointColours(colour, document, cloud.request.site, cloud.tokens);
}

}  // namespace lngeom::widgets
