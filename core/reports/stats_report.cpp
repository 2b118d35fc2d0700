#include "core/reports/stats_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/charts/site_labels.h"
#include "core/metrics/metrics.h"
#include "core/reports/dump_findings.h"
#include "core/reports/findings_json.h"
#include "core/reports/module_names.h"

namespace lngeom {

namespace {

std::string printf_string(const char* format, double a, double b = 0, double c = 0) {
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, format, a, b, c);
    return buffer;
}

// Length of the valid UTF-8 sequence starting at `i`, or 0 when it is not valid.
size_t utf8_sequence_length(const std::string& text, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    const size_t length = lead < 0x80                   ? 1
                          : lead >= 0xc2 && lead < 0xe0 ? 2
                          : lead >= 0xe0 && lead < 0xf0 ? 3
                          : lead >= 0xf0 && lead < 0xf5 ? 4
                                                        : 0;
    if (length == 0 || i + length > text.size()) return 0;
    for (size_t k = 1; k < length; ++k)
        if ((byte(i + k) & 0xc0) != 0x80) return 0;
    // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
    if (lead == 0xe0 && byte(i + 1) < 0xa0) return 0;
    if (lead == 0xed && byte(i + 1) >= 0xa0) return 0;
    if (lead == 0xf0 && byte(i + 1) < 0x90) return 0;
    if (lead == 0xf4 && byte(i + 1) >= 0x90) return 0;
    return length;
}

std::string json_attribute(const AttributeValue& value) {
    if (const auto* text = std::get_if<std::string>(&value)) return json_string(*text);
    if (const auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
    return json_number(std::get<double>(value));
}

std::string json_model(const AttributeMap& model) {
    std::string out = "{";
    for (const auto& [name, value] : model)
        out += (out.size() > 1 ? ", " : "") + json_string(name) + ": " + json_attribute(value);
    return out + "}";
}

std::string json_summary(const Summary& summary) {
    const std::pair<const char*, double> fields[] = {
        {"mean", summary.mean}, {"std", summary.std}, {"min", summary.min}, {"max", summary.max},
        {"p01", summary.p01},   {"p50", summary.p50}, {"p99", summary.p99}};
    std::string out = "{";
    for (const auto& [name, value] : fields)
        out += (out.size() > 1 ? ", " : "") + json_string(name) + ": " + json_number(value);
    return out + "}";
}

std::string json_site(const SiteInfo& info, const SiteSummary& summary,
                      const SiteFindings* findings) {
    std::string out =
        "{\"key\": " + json_string(info.key) + ", \"module\": " + json_string(info.module) +
        ", \"layer\": " + std::to_string(info.layer) + ", \"site\": " + json_string(info.site) +
        ", \"stack\": " + json_string(info.stack) + ", \"role\": " + json_string(info.role) +
        ", \"d\": " + std::to_string(info.d) +
        ", \"n_tokens\": " + std::to_string(summary.n_tokens) +
        ", \"n_invalid\": " + std::to_string(summary.n_invalid) + ", \"metrics\": {";
    for (size_t m = 0; m < summary.metrics.size(); ++m)
        out += std::string(m ? ",\n      " : "\n      ") +
               json_string(std::string(describe(Metric(m)).key)) + ": " +
               json_summary(summary.metrics[m]);
    return out + "}" + (findings ? json_site_findings(*findings) : std::string()) + "}";
}

using TableRow = std::vector<std::string>;

// Terminal columns of UTF-8 text: one per code point (every character here is narrow).
size_t display_width(const std::string& text) {
    return size_t(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
    }));
}

std::string mean_and_sd(const SiteSummary& summary, Metric metric, bool with_max = false) {
    if (column_of(metric) >= int(summary.metrics.size())) return "-";
    const Summary& v = summary.metrics[size_t(column_of(metric))];
    if (v.count == 0) return "-";
    std::string text = printf_string("%.2f ± %.2f", v.mean, v.std);
    return with_max ? text + printf_string(" [%.2f]", v.max) : text;
}

TableRow table_row(const SiteInfo& site, const std::string& module, const SiteSummary& summary) {
    const std::string placement = site_placement(site);
    return {site.layer < 0 ? "-" : std::to_string(site.layer),
            site.site,
            placement.empty() ? "-" : placement,
            module,
            std::to_string(site.d),
            std::to_string(summary.n_tokens),
            std::to_string(summary.n_invalid),
            std::to_string(summary.n_invalid_output),
            mean_and_sd(summary, Metric::AngleToUniformDeg),
            mean_and_sd(summary, Metric::Norm, true),
            mean_and_sd(summary, Metric::OutputNorm),
            mean_and_sd(summary, Metric::RotationDeg)};
}

TableRow table_header() {
    return {"layer",   "site",           "placement",      "module",    "d",        "n",
            "invalid", "invalid output", "angle to 1 (°)", "‖x‖ [max]", "‖output‖", "rotation (°)"};
}

// A pipe inside a cell would end it.
std::string markdown_cell(const std::string& text) {
    std::string out;
    for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}

std::string aligned(const std::vector<TableRow>& rows) {
    std::vector<size_t> widths(rows.front().size(), 0);
    for (const TableRow& row : rows)
        for (size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], display_width(row[c]));
    std::string out;
    for (const TableRow& row : rows) {
        std::string line;
        for (size_t c = 0; c < row.size(); ++c) {
            const std::string padding(widths[c] - display_width(row[c]), ' ');
            const bool text_column = c >= 1 && c <= 3;
            line += (c ? "  " : "") + (text_column ? row[c] + padding : padding + row[c]);
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out += line + "\n";
    }
    return out;
}

std::string model_line(const AttributeMap& model) {
    std::string out;
    for (const char* name : {"name", "norm_type", "d_model", "n_layers"}) {
        const auto found = model.find(name);
        if (found == model.end()) continue;
        const AttributeValue& value = found->second;
        const std::string text = std::holds_alternative<std::string>(value)
                                     ? std::get<std::string>(value)
                                     : json_attribute(value);
        out += (out.empty() ? "" : ", ") + std::string(name) + " = " + text;
    }
    return out;
}

}  // namespace

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csv_number(double value) {
    return std::isfinite(value) ? printf_string("%.17g", value) : std::string();
}

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
            out += "\\ufffd";
            ++i;
            continue;
        }
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
        } else {
            out.append(text, i, length);
        }
        i += length;
    }
    return out + "\"";
}

std::string json_number(double value) {
    return std::isfinite(value) ? printf_string("%.17g", value) : std::string("null");
}

std::string format_json(const DumpInfo& info, const std::vector<SiteSummary>& sites,
                        const DumpFindings* findings) {
    std::string out =
        "{\"file\": " + json_string(info.path) + ",\n \"model\": " + json_model(info.model);
    if (findings) out += ",\n \"warnings\": " + json_warnings(findings->warnings);
    if (findings && findings->int8)
        out += ",\n \"int8_outliers\": " + json_int8_outliers(*findings->int8);
    out += ",\n \"sites\": [";
    for (size_t s = 0; s < sites.size(); ++s)
        out += std::string(s ? ",\n  " : "\n  ") +
               json_site(info.sites[s], sites[s], findings ? &findings->sites.at(s) : nullptr);
    return out + "\n ]}\n";
}

std::string format_csv(const DumpInfo& info, const std::vector<SiteSummary>& sites) {
    std::string out =
        "key,module,layer,site,stack,role,d,n_tokens,n_invalid,n_invalid_output,metric,count,mean,"
        "std,min,max,p01,p50,p99\n";
    for (size_t s = 0; s < sites.size(); ++s) {
        const SiteInfo& site = info.sites[s];
        const std::string prefix =
            csv_field(site.key) + "," + csv_field(site.module) + "," + std::to_string(site.layer) +
            "," + csv_field(site.site) + "," + csv_field(site.stack) + "," + csv_field(site.role) +
            "," + std::to_string(site.d) + "," + std::to_string(sites[s].n_tokens) + "," +
            std::to_string(sites[s].n_invalid) + "," + std::to_string(sites[s].n_invalid_output) +
            ",";
        for (size_t m = 0; m < sites[s].metrics.size(); ++m) {
            const Summary& v = sites[s].metrics[m];
            out += prefix + std::string(describe(Metric(m)).key) + "," + std::to_string(v.count);
            for (double value : {v.mean, v.std, v.min, v.max, v.p01, v.p50, v.p99})
                out += "," + csv_number(value);
            out += "\n";
        }
    }
    return out;
}

std::string format_table(const DumpInfo& info, const std::vector<SiteSummary>& sites,
                         const std::vector<std::string>& warnings) {
    const ShortModuleNames modules = short_module_names(info.sites);
    std::vector<TableRow> rows{table_header()};
    for (size_t s = 0; s < sites.size(); ++s)
        rows.push_back(table_row(info.sites[s], modules.names[s], sites[s]));
    const std::string model = model_line(info.model);
    std::string notes;
    for (const std::string& warning : warnings) notes += "\nnote: " + warning + "\n";
    return "file: " + info.path + "\n" + (model.empty() ? "" : "model: " + model + "\n") +
           (modules.prefix.empty() ? "" : "modules: " + modules.prefix + "…\n") + "\n" +
           aligned(rows) + notes;
}

std::string format_markdown(const DumpInfo& info, const std::vector<SiteSummary>& sites) {
    const ShortModuleNames modules = short_module_names(info.sites);
    std::vector<TableRow> rows{table_header()};
    for (size_t s = 0; s < sites.size(); ++s)
        rows.push_back(table_row(info.sites[s], modules.names[s], sites[s]));
    std::string out = modules.prefix.empty()
                          ? std::string()
                          : "Module paths start with `" + modules.prefix + "`.\n\n";
    for (size_t r = 0; r < rows.size(); ++r) {
        for (const std::string& cell : rows[r]) out += "| " + markdown_cell(cell) + " ";
        out += "|\n";
        if (r == 0) {
            for (size_t c = 0; c < rows[r].size(); ++c) out += c >= 1 && c <= 3 ? "|:--" : "|--:";
            out += "|\n";
        }
    }
    return out;
}

std::string format_report(ReportFormat format, const DumpInfo& info,
                          const std::vector<SiteSummary>& sites) {
    switch (format) {
        case ReportFormat::Csv:
            return format_csv(info, sites);
        case ReportFormat::Json:
            return format_json(info, sites);
        case ReportFormat::Table:
            break;
    }
    return format_table(info, sites);
}

}  // namespace lngeom
