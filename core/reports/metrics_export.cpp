#include "core/reports/metrics_export.h"

#include <cmath>
#include <cstdio>
#include <numeric>
#include <ostream>

#include "core/charts/site_labels.h"
#include "core/errors.h"
#include "core/metrics/metrics.h"
#include "core/reports/stats_report.h"

namespace lngeom {
namespace {

// float columns: nine significant digits give back the stored float exactly.
std::string float_field(float value) {
    if (!std::isfinite(value)) return {};
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", double(value));
    return text;
}

template <typename T>
std::string optional_field(const std::vector<T>& column, Index token) {
    if (std::size_t(token) >= column.size()) return {};
    if constexpr (std::is_same_v<T, std::string>)
        return csv_field(column[std::size_t(token)]);
    else
        return std::to_string(column[std::size_t(token)]);
}

void write_header(std::ostream& out) {
    out << "site,module,layer,site_name,token,text,sequence,position";
    for (const MetricDescription& description : metric_descriptions())
        out << ',' << description.key;
    out << '\n';
}

void write_site(std::ostream& out, const SiteInfo& site, const SiteColumns& columns,
                const TokenLabelColumns& labels, const std::vector<Index>& tokens) {
    const std::string prefix = csv_field(site.key) + "," + csv_field(site.module) + "," +
                               std::to_string(site.layer) + "," + csv_field(site.site) + ",";
    for (Index token : tokens) {
        out << prefix << token << ',' << optional_field(labels.text, token) << ','
            << optional_field(labels.sequence, token) << ','
            << optional_field(labels.position, token);
        for (int metric = 0; metric < kMetricCount; ++metric)
            out << ','
                << (metric < columns.values.cols() ? float_field(columns.values(token, metric))
                                                   : std::string());
        out << '\n';
    }
}

std::vector<Index> checked_tokens(const DumpInfo& info, const SiteInfo& site,
                                  const std::vector<Index>& tokens) {
    if (tokens.empty()) {
        std::vector<Index> all(std::size_t(site.n_tokens));
        std::iota(all.begin(), all.end(), Index(0));
        return all;
    }
    for (Index token : tokens)
        if (token < 0 || token >= site.n_tokens)
            throw RequestError(info.path, "/norms/" + site.key,
                               "has no token " + std::to_string(token) + " (it has " +
                                   std::to_string(site.n_tokens) + ")");
    return tokens;
}

}  // namespace

TokenLabelColumns read_token_label_columns(const Dump& dump) {
    const DumpInfo& info = dump.info();
    TokenLabelColumns labels;
    if (info.has_tokens) labels.text = dump.read_tokens(0, info.n_tokens);
    if (info.has_sequence) labels.sequence = dump.read_sequence(0, info.n_tokens);
    if (info.has_position) labels.position = dump.read_position(0, info.n_tokens);
    return labels;
}

SiteIndex find_site(const DumpInfo& info, const std::string& key) {
    std::string known;
    for (SiteIndex site = 0; site < info.sites.size(); ++site) {
        if (info.sites[site].key == key || site_label(info.sites[site]) == key) return site;
        known += (site ? ", " : "") + info.sites[site].key;
    }
    throw RequestError(info.path, key,
                       "is not a norm site of this dump (its sites: " + known + ")");
}

void write_token_metrics_csv(std::ostream& out, const DumpInfo& info, const MetricsStore& store,
                             const TokenLabelColumns& labels, const TokenMetricsRequest& request) {
    std::vector<std::size_t> sites = request.sites;
    if (sites.empty())
        for (SiteIndex site = 0; site < info.sites.size(); ++site) sites.push_back(site);
    write_header(out);
    for (SiteIndex site : sites) {
        const SiteInfo& described = info.sites.at(site);
        const std::vector<Index> tokens = checked_tokens(info, described, request.tokens);
        write_site(out, described, *store.columns(site), labels, tokens);
    }
}

}  // namespace lngeom
