#include "core/reports/module_names.h"

#include <algorithm>

#include "core/charts/text_fitting.h"

namespace lngeom {
namespace {

bool separator(char c) { return c == '.' || c == '/'; }

// The longest beginning shared by every path that ends just after a separator and is shorter
// than each path.
std::string sharedPrefix(const std::vector<SiteInfo>& sites) {
    if (sites.size() < 2) return {};
    std::size_t common = sites.front().module.size();
    for (const SiteInfo& site : sites) {
        const std::string& first = sites.front().module;
        const auto mismatch = std::mismatch(first.begin(), first.begin() + std::ptrdiff_t(common),
                                            site.module.begin(), site.module.end());
        common = std::size_t(mismatch.first - first.begin());
        common = std::min(common, site.module.empty() ? 0 : site.module.size() - 1);
    }
    const std::string& first = sites.front().module;
    while (common > 0 && !separator(first[common - 1])) --common;
    return first.substr(0, common);
}

double characters(std::string_view text) {
    return double(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

}  // namespace

ShortModuleNames short_module_names(const std::vector<SiteInfo>& sites, std::size_t longest) {
    ShortModuleNames result{sharedPrefix(sites), {}};
    for (const SiteInfo& site : sites)
        result.names.push_back(fit_text_joined(site.module.substr(result.prefix.size()),
                                               double(longest), 1, characters));
    return result;
}

}  // namespace lngeom
