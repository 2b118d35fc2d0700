#include "core/state/state_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "core/errors.h"
#include "core/io/atomic_file.h"
#include "core/state/dump_fingerprint.h"

namespace lngeom {

namespace {

constexpr std::string_view kMagic = "LNGEOMST";
constexpr std::uintmax_t kLargestStateFile = std::uintmax_t(1) << 30;

template <typename... Parts>
std::string part_tags(std::tuple<Parts...>*) {
    return ((std::string(Parts::kTag) + " ") + ...);
}

std::string edges_text(const HistogramEdges& edges) {
    if (edges.bins == 0) return "none";
    return std::string(edges.log_scale ? "log " : "") + std::to_string(edges.low) + ".." +
           std::to_string(edges.high) + "/" + std::to_string(edges.bins);
}

void write_attribute(StateWriter& out, const AttributeValue& value) {
    out.number<std::uint8_t>(std::uint8_t(value.index()));
    if (const auto* text = std::get_if<std::string>(&value)) out.text(*text);
    if (const auto* integer = std::get_if<std::int64_t>(&value)) out.number(*integer);
    if (const auto* number = std::get_if<double>(&value)) out.number(*number);
}

AttributeValue read_attribute(StateReader& in) {
    switch (in.number<std::uint8_t>()) {
        case 0:
            return in.text();
        case 1:
            return in.number<std::int64_t>();
        case 2:
            return in.number<double>();
    }
    in.fail("an attribute of unknown type");
}

template <typename Enum>
Enum read_enum(StateReader& in, int count) {
    const auto value = in.number<std::uint8_t>();
    if (value >= count) in.fail("an enumeration out of range");
    return Enum(value);
}

void write_site_info(StateWriter& out, const SiteInfo& site) {
    out.text(site.key);
    out.text(site.module);
    out.number<std::uint8_t>(std::uint8_t(site.kind));
    out.number<std::int32_t>(site.layer);
    out.text(site.site);
    out.text(site.stack);
    out.text(site.role);
    for (const int index : {site.call, site.head, site.slot}) out.number<std::int32_t>(index);
    out.number(site.eps);
    out.number<std::int64_t>(site.d);
    out.number<std::int64_t>(site.n_tokens);
    out.number<std::uint8_t>(std::uint8_t(site.input_type));
    out.number<std::uint8_t>(std::uint8_t(site.output_type));
    out.number<std::uint8_t>(std::uint8_t(site.gamma_convention));
    for (const bool flag : {site.has_eps, site.has_output, site.has_gamma, site.has_beta})
        out.number<std::uint8_t>(flag);
}

SiteInfo read_site_info(StateReader& in) {
    SiteInfo site;
    site.key = in.text();
    site.module = in.text();
    site.kind = read_enum<NormKind>(in, 3);
    site.layer = in.number<std::int32_t>();
    site.site = in.text();
    site.stack = in.text();
    site.role = in.text();
    for (int* index : {&site.call, &site.head, &site.slot}) *index = in.number<std::int32_t>();
    site.eps = in.number<double>();
    site.d = in.number<std::int64_t>();
    site.n_tokens = in.number<std::int64_t>();
    site.input_type = read_enum<StoredType>(in, 4);
    site.output_type = read_enum<StoredType>(in, 4);
    site.gamma_convention = read_enum<GammaConvention>(in, 2);
    for (bool* flag : {&site.has_eps, &site.has_output, &site.has_gamma, &site.has_beta})
        *flag = in.number<std::uint8_t>() != 0;
    if (site.d < 0 || site.n_tokens < 0) in.fail("a site with a negative shape");
    return site;
}

void write_dump_info(StateWriter& out, const DumpInfo& info) {
    out.text(info.path);
    out.number<std::uint8_t>(std::uint8_t(info.layout));
    out.number<std::uint64_t>(info.model.size());
    for (const auto& [name, value] : info.model) {
        out.text(name);
        write_attribute(out, value);
    }
    out.number<std::int64_t>(info.n_tokens);
    for (const bool flag : {info.has_tokens, info.has_sequence, info.has_position})
        out.number<std::uint8_t>(flag);
    out.number<std::uint64_t>(info.sites.size());
    for (const SiteInfo& site : info.sites) write_site_info(out, site);
}

DumpInfo read_dump_info(StateReader& in) {
    DumpInfo info;
    info.path = in.text();
    info.layout = read_enum<Layout>(in, 3);
    const auto n_attributes = in.number<std::uint64_t>();
    for (std::uint64_t a = 0; a < n_attributes && !in.at_end(); ++a) {
        std::string name = in.text();
        info.model[name] = read_attribute(in);
    }
    info.n_tokens = in.number<std::int64_t>();
    for (bool* flag : {&info.has_tokens, &info.has_sequence, &info.has_position})
        *flag = in.number<std::uint8_t>() != 0;
    const auto n_sites = in.number<std::uint64_t>();
    for (std::uint64_t s = 0; s < n_sites && !in.at_end(); ++s)
        info.sites.push_back(read_site_info(in));
    if (info.sites.size() != n_sites) in.fail("fewer sites than it declares");
    return info;
}

std::string shard_list(const std::vector<int>& shards, int count) {
    std::string text;
    for (const int shard : shards)
        text += (text.empty() ? "" : ", ") + std::to_string(shard) + "/" + std::to_string(count);
    return text;
}

}  // namespace

std::vector<SiteSummary> DumpState::summaries() const {
    std::vector<SiteSummary> summaries;
    for (const SiteState& site : sites) summaries.push_back(site.summary());
    return summaries;
}

std::string statistics_configuration() {
    std::string text =
        "quantile sketch: relative accuracy " + std::to_string(QuantileSketch::kRelativeAccuracy) +
        ", exact up to " + std::to_string(QuantileSketch::kExactLimit) + ", " +
        std::to_string(QuantileSketch::kMaxBuckets) +
        " buckets per sign; extremes: " + std::to_string(Extremes::kDefaultCount) +
        "; parts: " + part_tags(static_cast<SiteStateParts*>(nullptr)) + "; metrics:";
    for (const MetricDescription& metric : metric_descriptions())
        text += " " + std::string(metric.key) + " (" + edges_text(metric.histogram) + ")";
    return text;
}

DumpState dump_state(const Dump& dump, const std::string& dataset, RowShard shard,
                     std::vector<SiteState> sites) {
    return {dump.info(),
            dump_fingerprint(dump.info(), dataset),
            shard.count,
            {shard.index},
            std::move(sites)};
}

std::string state_bytes(const DumpState& state) {
    StateWriter out;
    out.number<std::uint32_t>(kStateFileVersion);
    out.text(statistics_configuration());
    out.text(state.fingerprint);
    write_dump_info(out, state.info);
    out.number<std::int32_t>(state.shard_count);
    out.numbers(std::vector<std::int32_t>(state.shards.begin(), state.shards.end()));
    for (std::size_t s = 0; s < state.sites.size(); ++s) state.sites[s].write(out);
    std::string bytes = std::string(kMagic) + out.take();
    StateWriter checksum;
    checksum.number(fnv1a64(bytes));
    return bytes + checksum.bytes();
}

DumpState parse_state(std::string_view bytes, const std::string& source) {
    if (bytes.size() < kMagic.size() + 12 || bytes.substr(0, kMagic.size()) != kMagic)
        throw FormatError(source, "", "is not a lngeom state file");
    const std::string_view body = bytes.substr(0, bytes.size() - 8);
    StateReader in(bytes.substr(kMagic.size()), source);
    const auto version = in.number<std::uint32_t>();
    if (version != kStateFileVersion)
        throw FormatError(source, "",
                          "has state format version " + std::to_string(version) +
                              "; this lngeom reads version " + std::to_string(kStateFileVersion) +
                              ": compute it again with this lngeom");
    StateReader tail(bytes.substr(body.size()), source);
    if (tail.number<std::uint64_t>() != fnv1a64(body))
        throw FormatError(source, "", "damaged state: its checksum does not match its contents");
    in = StateReader(body.substr(kMagic.size() + 4), source);
    const std::string configuration = in.text();
    if (configuration != statistics_configuration())
        throw FormatError(source, "",
                          "was made by a lngeom whose statistics differ (" + configuration +
                              "; this one: " + statistics_configuration() + ")");
    DumpState state;
    state.fingerprint = in.text();
    state.info = read_dump_info(in);
    state.shard_count = in.number<std::int32_t>();
    const std::vector<std::int32_t> shards = in.numbers<std::int32_t>();
    state.shards.assign(shards.begin(), shards.end());
    if (state.shard_count < 1 || shards.empty() || !std::is_sorted(shards.begin(), shards.end()) ||
        shards.front() < 0 || shards.back() >= state.shard_count ||
        std::adjacent_find(shards.begin(), shards.end()) != shards.end())
        in.fail("its shard list is not a set of shards of " + std::to_string(state.shard_count));
    for (const SiteInfo& site : state.info.sites) {
        in.set_object("site " + site.key);
        state.sites.emplace_back(site).read(in);
    }
    in.set_object("");
    if (!in.at_end()) in.fail(std::to_string(in.remaining()) + " bytes after the last site");
    return state;
}

void write_state_file(const std::string& path, const DumpState& state) {
    write_file_atomically(path, state_bytes(state));
}

DumpState read_state_file(const std::string& path) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) throw Error(path, "", "cannot be read: " + error.message());
    if (size > kLargestStateFile)
        throw FormatError(path, "",
                          "is " + std::to_string(size) + " bytes, larger than any state file");
    std::ifstream in(path, std::ios::binary);
    std::string bytes(size, '\0');
    if (!in.read(bytes.data(), std::streamsize(size)))
        throw Error(path, "", std::string("cannot be read: ") + std::strerror(errno));
    return parse_state(bytes, path);
}

void merge_dump_state(DumpState& into, const std::string& into_source, const DumpState& other,
                      const std::string& other_source) {
    const std::string both = into_source + " and " + other_source;
    if (const FingerprintDifference difference =
            fingerprint_difference(into.fingerprint, other.fingerprint);
        !difference.first.empty())
        throw RequestError(both, "",
                           "are states of different dumps (" + into.info.path + ": " +
                               difference.first + "; " + other.info.path + ": " +
                               difference.second + ")");
    if (other.shard_count != into.shard_count)
        throw RequestError(both, "",
                           "split the dump into " + std::to_string(into.shard_count) + " and " +
                               std::to_string(other.shard_count) +
                               " shards: every shard must come from the same --shard K/N");
    std::vector<int> common;
    std::set_intersection(into.shards.begin(), into.shards.end(), other.shards.begin(),
                          other.shards.end(), std::back_inserter(common));
    if (!common.empty())
        throw RequestError(both, "",
                           "both hold shard " + shard_list(common, into.shard_count) +
                               ": its rows would count twice");
    for (std::size_t s = 0; s < into.sites.size(); ++s) into.sites[s].merge(other.sites[s]);
    std::vector<int> shards;
    std::merge(into.shards.begin(), into.shards.end(), other.shards.begin(), other.shards.end(),
               std::back_inserter(shards));
    into.shards = std::move(shards);
}

DumpState merge_state_files(const std::vector<std::string>& paths, bool require_complete) {
    if (paths.empty()) throw RequestError("", "", "no state files to merge");
    DumpState merged = read_state_file(paths.front());
    std::map<int, std::string> holder;  // which file brought each shard, for messages
    for (const int shard : merged.shards) holder[shard] = paths.front();
    std::string sources = paths.front();
    for (std::size_t i = 1; i < paths.size(); ++i) {
        const DumpState state = read_state_file(paths[i]);
        std::string into_source = paths.front();
        for (const int shard : state.shards)
            if (holder.count(shard)) into_source = holder[shard];
        merge_dump_state(merged, into_source, state, paths[i]);
        for (const int shard : state.shards) holder[shard] = paths[i];
        sources += (i + 1 == paths.size() ? " and " : ", ") + paths[i];
    }
    if (require_complete && !merged.complete()) {
        std::vector<int> missing;
        for (int shard = 0; shard < merged.shard_count; ++shard)
            if (!holder.count(shard)) missing.push_back(shard);
        throw RequestError(sources, "",
                           "hold shards " + shard_list(merged.shards, merged.shard_count) +
                               " of the dump; missing: " + shard_list(missing, merged.shard_count));
    }
    return merged;
}

}  // namespace lngeom
