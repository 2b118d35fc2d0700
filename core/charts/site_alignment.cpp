#include "core/charts/site_alignment.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/charts/site_labels.h"

namespace lngeom {

namespace {

bool named(const SiteInfo& site) { return site.layer >= 0 && !site.site.empty(); }

bool all_named(const std::vector<SiteInfo>& sites) {
    return std::all_of(sites.begin(), sites.end(), named);
}

// Right index for each left site, by name when both dumps name every site, else by position.
std::vector<std::optional<SiteIndex>> match(const std::vector<SiteInfo>& left,
                                            const std::vector<SiteInfo>& right) {
    std::vector<std::optional<SiteIndex>> matches(left.size());
    if (all_named(left) && all_named(right)) {
        std::map<std::pair<int, std::string>, SiteIndex> by_name;
        for (SiteIndex j = 0; j < right.size(); ++j) by_name[{right[j].layer, right[j].site}] = j;
        for (SiteIndex i = 0; i < left.size(); ++i)
            if (auto found = by_name.find({left[i].layer, left[i].site}); found != by_name.end())
                matches[i] = found->second;
        return matches;
    }
    for (SiteIndex i = 0; i < std::min(left.size(), right.size()); ++i) matches[i] = i;
    return matches;
}

// Where a right-only site goes: after the last row whose right site comes before it.
std::size_t insertion_point(const std::vector<AlignedSite>& rows, SiteIndex right_site) {
    std::size_t point = 0;
    for (std::size_t row = 0; row < rows.size(); ++row)
        if (rows[row].right && *rows[row].right < right_site) point = row + 1;
    return point;
}

}  // namespace

std::vector<AlignedSite> align_sites(const std::vector<SiteInfo>& left,
                                     const std::vector<SiteInfo>& right) {
    const auto matches = match(left, right);
    std::vector<AlignedSite> rows;
    std::vector<bool> used(right.size(), false);
    for (SiteIndex i = 0; i < left.size(); ++i) {
        rows.push_back({i, matches[i], site_label(left[i])});
        if (matches[i]) used[*matches[i]] = true;
    }
    for (SiteIndex j = 0; j < right.size(); ++j)
        if (!used[j])
            rows.insert(rows.begin() + std::ptrdiff_t(insertion_point(rows, j)),
                        AlignedSite{std::nullopt, j, site_label(right[j])});
    return rows;
}

}  // namespace lngeom
