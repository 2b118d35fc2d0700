#pragma once
// `lngeom stats` output: the per-site statistics as an aligned text table (the paper's
// Tables 2–4), as CSV (one row per site × metric) or as JSON.

#include <string>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/metrics_pass.h"

namespace lngeom {

struct DumpFindings;  // core/reports/dump_findings.h

enum class ReportFormat { Table, Csv, Json };

// `sites` holds one summary per site of `info`, in the same order.
std::string format_report(ReportFormat format, const DumpInfo& info,
                          const std::vector<SiteSummary>& sites);

// `warnings` (dump_findings.h) end the table as "note:" lines.
std::string format_table(const DumpInfo& info, const std::vector<SiteSummary>& sites,
                         const std::vector<std::string>& warnings = {});
std::string format_csv(const DumpInfo& info, const std::vector<SiteSummary>& sites);
// The table of format_table (the paper's Tables 2–4) as a GitHub-flavoured Markdown table.
std::string format_markdown(const DumpInfo& info, const std::vector<SiteSummary>& sites);
// {"file", "model": {attrs}, "sites": [{"key", "module", "layer", "site", "d", "n_tokens",
// "n_invalid", "metrics": {key: {"mean", "std", "min", "max", "p01", "p50", "p99"}}}]};
// with findings, each site adds "gamma_ellipsoid" and "massive" (findings_json.h) and the file
// "warnings"; numbers with 17 significant digits, NaN as null.
std::string format_json(const DumpInfo& info, const std::vector<SiteSummary>& sites,
                        const DumpFindings* findings = nullptr);

// A CSV field, quoted when it holds a separator, a quote or a line break.
std::string csv_field(const std::string& text);
// A number with full precision ("%.17g"), empty when not finite.
std::string csv_number(double value);

// A JSON string literal: quotes, backslashes and control characters escaped, invalid UTF-8
// replaced by U+FFFD.
std::string json_string(const std::string& text);
// A JSON number with full precision ("%.17g"), or null when not finite.
std::string json_number(double value);

}  // namespace lngeom
