#include "core/charts/site_labels.h"

namespace lngeom {

std::string site_label(const SiteInfo& site) {
    if (site.site == "final") return site.site;
    if (site.layer >= 0 && !site.site.empty())
        return std::to_string(site.layer) + "\u00b7" + site.site;
    if (site.layer >= 0) return std::to_string(site.layer);
    if (!site.site.empty()) return site.site;  // outside the blocks, e.g. "embed"
    return site.key;
}

std::string site_placement(const SiteInfo& site) {
    std::vector<std::string> parts;
    for (const std::string* text : {&site.stack, &site.role})
        if (!text->empty()) parts.push_back(*text);
    for (const auto& [name, index] : {std::pair{"head ", site.head}, std::pair{"slot ", site.slot},
                                      std::pair{"call ", site.call}})
        if (index >= 0) parts.push_back(name + std::to_string(index));
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : " \u00b7 ") + part;
    return out;
}

std::vector<std::string> site_labels(const std::vector<SiteInfo>& sites) {
    std::vector<std::string> labels;
    labels.reserve(sites.size());
    for (const SiteInfo& site : sites) labels.push_back(site_label(site));
    return labels;
}

}  // namespace lngeom
