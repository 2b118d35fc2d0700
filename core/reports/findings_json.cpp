#include "core/reports/findings_json.h"

#include <utility>

#include "core/reports/stats_report.h"

namespace lngeom {

namespace {

using Field = std::pair<const char*, std::string>;

std::string json_object(const std::vector<Field>& fields) {
    std::string out = "{";
    for (const auto& [name, value] : fields)
        out += (out.size() > 1 ? ", " : "") + json_string(name) + ": " + value;
    return out + "}";
}

std::string json_ellipsoid(const EllipsoidSummary& e) {
    return json_object({{"axes_min", json_number(e.axes_min)},
                        {"axes_median", json_number(e.axes_median)},
                        {"axes_max", json_number(e.axes_max)},
                        {"anisotropy", json_number(e.anisotropy)},
                        {"effective_axes", json_number(e.effective_axes)},
                        {"tilt_cos", json_number(e.tilt_cos)},
                        {"beta_offplane", json_number(e.beta_offplane)},
                        {"beta_inplane", json_number(e.beta_inplane)},
                        {"beta_uniform", json_number(e.beta_uniform)},
                        {"zero_axes", std::to_string(e.zero_axes)}});
}

std::string json_dimension(const MassiveDimension& dim, const SiteFindings& site) {
    std::vector<Field> fields{
        {"dim", std::to_string(dim.dim)},
        {"max_abs", json_number(dim.max_abs)},
        {"token", std::to_string(dim.token)},
        {"position", dim.position < 0 ? std::string("null") : std::to_string(dim.position)}};
    if (site.gamma) fields.push_back({"gamma", json_number((*site.gamma)[dim.dim])});
    return json_object(fields);
}

std::string json_massive(const MassiveReport& m, const SiteFindings& site) {
    std::string dims = "[";
    for (const MassiveDimension& dim : m.top_dims)
        dims += (dims.size() > 1 ? ", " : "") + json_dimension(dim, site);
    const auto when_positions = [&](std::int64_t count) {
        return m.has_positions ? std::to_string(count) : std::string("null");
    };
    return json_object({{"threshold_abs", json_number(m.thresholds.absolute)},
                        {"threshold_ratio", json_number(m.thresholds.ratio)},
                        {"median_abs", json_number(m.median_abs)},
                        {"threshold", json_number(m.threshold)},
                        {"tokens_flagged", std::to_string(m.tokens_flagged)},
                        {"fraction_flagged", json_number(m.fraction_flagged)},
                        {"first_position_flagged", when_positions(m.first_position_flagged)},
                        {"later_flagged", when_positions(m.later_flagged)},
                        {"top_dims", dims + "]"}});
}

}  // namespace

std::string json_site_findings(const SiteFindings& findings) {
    std::string out;
    if (findings.ellipsoid)
        out += ",\n      \"gamma_ellipsoid\": " + json_ellipsoid(*findings.ellipsoid);
    if (findings.massive)
        out += ",\n      \"massive\": " + json_massive(*findings.massive, findings);
    return out;
}

std::string json_int8_outliers(const std::vector<Int8Outliers>& widths) {
    std::string out = "[";
    for (const Int8Outliers& width : widths) {
        std::string dims = "[";
        for (std::size_t k = 0; k < width.dims.size(); ++k)
            dims += (k ? ", " : "") + json_object({{"dim", std::to_string(width.dims[k])},
                                                   {"sites", std::to_string(width.sites_with[k])}});
        out += (out.size() > 1 ? ", " : "") +
               json_object({{"d", std::to_string(width.d)},
                            {"sites", std::to_string(width.sites)},
                            {"magnitude", json_number(kInt8OutlierMagnitude)},
                            {"token_share", json_number(kInt8OutlierTokenShare)},
                            {"site_share", json_number(kInt8OutlierSiteShare)},
                            {"dims", dims + "]"}});
    }
    return out + "]";
}

std::string json_warnings(const std::vector<std::string>& warnings) {
    std::string out = "[";
    for (const std::string& warning : warnings)
        out += (out.size() > 1 ? ", " : "") + json_string(warning);
    return out + "]";
}

}  // namespace lngeom
