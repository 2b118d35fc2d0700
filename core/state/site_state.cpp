#include "core/state/site_state.h"

#include <utility>

#include "core/metrics/token_metrics.h"

namespace lngeom {

namespace {

template <typename... Parts>
std::tuple<Parts...> empty_parts(const SiteInfo& site, std::tuple<Parts...>*) {
    return std::tuple<Parts...>(Parts(site)...);
}

template <typename... Parts>
std::size_t parts_max_bytes(const SiteInfo& site, std::tuple<Parts...>*) {
    return (Parts::max_bytes(site) + ...);
}

template <std::size_t... I>
void merge_parts(SiteStateParts& into, const SiteStateParts& from, std::index_sequence<I...>) {
    (std::get<I>(into).merge(std::get<I>(from)), ...);
}

template <typename Part>
void write_part(StateWriter& out, const Part& part) {
    StateWriter bytes;
    part.write(bytes);
    out.text(Part::kTag);
    out.text(bytes.bytes());
}

template <typename Part>
void read_part(StateReader& in, Part& part) {
    const std::string tag = in.text();
    if (tag != Part::kTag)
        in.fail("holds part '" + tag + "' where this lngeom expects '" + std::string(Part::kTag) +
                "'");
    const std::string bytes = in.text();
    StateReader part_in(bytes, in.source());
    part_in.set_object(in.object() + (in.object().empty() ? "" : ": ") + tag);
    part.read(part_in);
    if (!part_in.at_end())
        part_in.fail(std::to_string(part_in.remaining()) + " bytes left over after the part");
}

}  // namespace

void TokenCounts::add(const BlockView& block) {
    rows += block.n_rows();
    for (const std::uint8_t flags : block.flags) {
        non_finite += (flags & kNonFinite) != 0;
        zero += (flags & kZeroVector) != 0;
        constant += (flags & kConstant) != 0;
        invalid += (flags & kInputInvalidMask) != 0;
        invalid_output += (flags & kOutputInvalid) != 0;
    }
}

void TokenCounts::merge(const TokenCounts& other) {
    rows += other.rows;
    invalid += other.invalid;
    non_finite += other.non_finite;
    zero += other.zero;
    constant += other.constant;
    invalid_output += other.invalid_output;
}

void TokenCounts::write(StateWriter& out) const {
    for (const Index count : {rows, invalid, non_finite, zero, constant, invalid_output})
        out.number<std::int64_t>(count);
}

void TokenCounts::read(StateReader& in) {
    for (Index* count : {&rows, &invalid, &non_finite, &zero, &constant, &invalid_output}) {
        *count = in.number<std::int64_t>();
        if (*count < 0 || *count > rows) in.fail("token counts are negative or exceed the rows");
    }
}

MetricStates::MetricStates(const SiteInfo& site) {
    for (const Metric metric : site_metrics(site.has_output))
        metrics.emplace_back(describe(metric));
}

void MetricStates::add(const BlockView& block) {
    for (std::size_t m = 0; m < metrics.size(); ++m)
        metrics[m].add_column(&block.values(0, Index(m)), block.values.cols(), block.n_rows(),
                              block.first_row());
}

void MetricStates::merge(const MetricStates& other) {
    for (std::size_t m = 0; m < metrics.size(); ++m) metrics[m].merge(other.metrics[m]);
}

void MetricStates::write(StateWriter& out) const {
    out.number<std::uint32_t>(std::uint32_t(metrics.size()));
    for (const MetricState& metric : metrics) metric.write(out);
}

void MetricStates::read(StateReader& in) {
    const auto count = in.number<std::uint32_t>();
    if (count != metrics.size())
        in.fail("holds " + std::to_string(count) + " metrics where the site has " +
                std::to_string(metrics.size()));
    for (MetricState& metric : metrics) metric.read(in);
}

std::size_t MetricStates::bytes() const {
    std::size_t total = sizeof *this;
    for (const MetricState& metric : metrics) total += metric.bytes();
    return total;
}

std::size_t MetricStates::max_bytes(const SiteInfo& site) {
    std::size_t total = sizeof(MetricStates);
    for (const Metric metric : site_metrics(site.has_output))
        total += MetricState::max_bytes(describe(metric), site.n_tokens);
    return total;
}

SiteState::SiteState(const SiteInfo& site)
    : parts_(empty_parts(site, static_cast<SiteStateParts*>(nullptr))) {}

void SiteState::add(const BlockView& block) {
    std::apply([&](auto&... parts) { (parts.add(block), ...); }, parts_);
}

void SiteState::merge(const SiteState& other) {
    merge_parts(parts_, other.parts_,
                std::make_index_sequence<std::tuple_size_v<SiteStateParts>>());
}

SiteSummary SiteState::summary() const {
    const TokenCounts& c = counts();
    SiteSummary summary{c.rows, c.invalid, c.non_finite, c.zero, c.constant, c.invalid_output, {}};
    for (const MetricState& metric : metrics()) summary.metrics.push_back(metric.summary());
    return summary;
}

std::size_t SiteState::bytes() const {
    return std::apply([](const auto&... parts) { return (parts.bytes() + ...); }, parts_);
}

std::size_t SiteState::max_bytes(const SiteInfo& site) {
    return parts_max_bytes(site, static_cast<SiteStateParts*>(nullptr));
}

void SiteState::write(StateWriter& out) const {
    std::apply([&](const auto&... parts) { (write_part(out, parts), ...); }, parts_);
}

void SiteState::read(StateReader& in) {
    std::apply([&](auto&... parts) { (read_part(in, parts), ...); }, parts_);
}

}  // namespace lngeom
