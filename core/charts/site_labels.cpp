#include "core/charts/site_labels.h"

namespace lngeom {

std::string site_label(const SiteInfo& site) {
    if (site.site == "final") return site.site;
    if (site.layer >= 0 && !site.site.empty())
        return std::to_string(site.layer) + "\u00b7" + site.site;
    if (site.layer >= 0) return std::to_string(site.layer);
    return site.key;
}

std::vector<std::string> site_labels(const std::vector<SiteInfo>& sites) {
    std::vector<std::string> labels;
    labels.reserve(sites.size());
    for (const SiteInfo& site : sites) labels.push_back(site_label(site));
    return labels;
}

}  // namespace lngeom
