#include "core/reports/metrics_export.h"

#include <cmath>
#include <cstdio>
#include <ostream>

#include "core/charts/site_labels.h"
#include "core/errors.h"
#include "core/io/token_labels.h"
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
std::string optional_field(const std::vector<T>& column, std::size_t row) {
    if (row >= column.size()) return {};
    if constexpr (std::is_same_v<T, std::string>)
        return csv_field(column[row]);
    else
        return std::to_string(column[row]);
}

void write_header(std::ostream& out) {
    out << "site,module,layer,site_name,token,text,sequence,position";
    for (const MetricDescription& description : metric_descriptions())
        out << ',' << description.key;
    out << '\n';
}

// One block's rows of the tokens in `tokens`: the block's labels and every metric are read once.
void write_block(std::ostream& out, const std::string& prefix, const Dump& dump,
                 const ColumnSource& columns, const TokenSet& tokens, Index first, Index count) {
    const TokenLabels labels = read_token_labels(dump, first, count);
    std::vector<std::vector<float>> values(static_cast<std::size_t>(kMetricCount));
    for (Metric metric : columns.metrics()) {
        values[std::size_t(column_of(metric))].resize(std::size_t(count));
        columns.read(metric, first, values[std::size_t(column_of(metric))]);
    }
    tokens.for_each(first, first + count, [&](Index token) {
        const auto row = std::size_t(token - first);
        out << prefix << token << ',' << optional_field(labels.text, row) << ','
            << optional_field(labels.sequence, row) << ',' << optional_field(labels.position, row);
        for (const std::vector<float>& column : values)
            out << ',' << (row < column.size() ? float_field(column[row]) : std::string());
        out << '\n';
    });
}

void write_site(std::ostream& out, const Dump& dump, SiteIndex site, const ColumnSource& columns,
                const TokenSet& tokens) {
    const SiteInfo& described = dump.info().sites.at(site);
    const std::string prefix = csv_field(described.key) + "," + csv_field(described.module) + "," +
                               std::to_string(described.layer) + "," + csv_field(described.site) +
                               ",";
    const Index n = described.n_tokens, step = columns.block_rows();
    for (Index first = 0; first < n; first += step) {
        const Index count = std::min(step, n - first);
        if (tokens.any_in(first, first + count))
            write_block(out, prefix, dump, columns, tokens, first, count);
    }
}

// The request's tokens as a set over the site; RequestError for a token the site lacks.
TokenSet requested_tokens(const DumpInfo& info, const SiteInfo& site,
                          const TokenMetricsRequest& request) {
    if (request.selection && request.tokens.empty()) return *request.selection;
    for (Index token : request.tokens)
        if (token < 0 || token >= site.n_tokens)
            throw RequestError(info.path, "/norms/" + site.key,
                               "has no token " + std::to_string(token) + " (it has " +
                                   std::to_string(site.n_tokens) + ")");
    if (!request.tokens.empty()) return TokenSet::of(site.n_tokens, request.tokens);
    return TokenSet::all(site.n_tokens);
}

}  // namespace

std::size_t find_site(const DumpInfo& info, const std::string& key) {
    std::string known;
    for (SiteIndex site = 0; site < info.sites.size(); ++site) {
        if (info.sites[site].key == key || site_label(info.sites[site]) == key) return site;
        known += (site ? ", " : "") + info.sites[site].key;
    }
    throw RequestError(info.path, key,
                       "is not a norm site of this dump (its sites: " + known + ")");
}

void write_token_metrics_csv(std::ostream& out, const Dump& dump, const MetricsStore& store,
                             const TokenMetricsRequest& request) {
    const DumpInfo& info = dump.info();
    std::vector<std::size_t> sites = request.sites;
    if (sites.empty())
        for (SiteIndex site = 0; site < info.sites.size(); ++site) sites.push_back(site);
    write_header(out);
    for (SiteIndex site : sites)
        write_site(out, dump, site, *store.columns(site),
                   requested_tokens(info, info.sites.at(site), request));
}

}  // namespace lngeom
