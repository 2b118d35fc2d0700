#include "core/analysis/folded_layer_norm.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "core/metrics/metrics.h"

namespace lngeom {

bool is_identity_affine(const NormAffine& affine, Index d) {
    return (effective_gamma(affine, d).array() == 1.0).all() &&
           (effective_beta(affine, d).array() == 0.0).all();
}

std::vector<SiteCentring> site_centring(const Dump& dump,
                                        const std::vector<SiteSummary>& summaries) {
    std::vector<SiteCentring> sites;
    for (SiteIndex site = 0; site < summaries.size(); ++site) {
        const SiteInfo& info = dump.info().sites.at(site);
        const SiteSummary& summary = summaries[site];
        const Summary& cosine = summary.metrics.at(size_t(column_of(Metric::AbsCosToUniform)));
        sites.push_back({site, info.kind, summary.n_tokens - summary.n_invalid, cosine.max,
                         is_identity_affine(read_norm_affine(dump, site), info.d)});
    }
    return sites;
}

std::optional<FoldedLayerNorm> detect_folded_layer_norm(const std::vector<SiteCentring>& sites) {
    FoldedLayerNorm finding;
    finding.identity_affine = true;
    double largest_cos = 0;
    for (const SiteCentring& site : sites) {
        if (site.kind == NormKind::RmsNorm || site.valid_tokens == 0) continue;
        ++finding.layer_norm_sites;
        if (!(site.max_abs_cos <= kCentredAbsCos)) continue;
        finding.centred_sites.push_back(site.site);
        finding.identity_affine = finding.identity_affine && site.identity_affine;
        largest_cos = std::max(largest_cos, site.max_abs_cos);
    }
    if (finding.centred_sites.empty()) return std::nullopt;
    finding.max_angle_from_90_deg = std::asin(largest_cos) * 180.0 / std::numbers::pi;
    return finding;
}

std::string describe_folded_layer_norm(const FoldedLayerNorm& finding) {
    char angle[32];
    std::snprintf(angle, sizeof angle, "%.2g°", finding.max_angle_from_90_deg);
    const std::string count = std::to_string(finding.centred_sites.size()) + " of " +
                              std::to_string(finding.layer_norm_sites);
    std::string text = "every input of " + count +
                       " LayerNorm sites is mean-centred (all angles to 1 within " + angle +
                       " of 90°)";
    if (finding.identity_affine) {
        text +=
            " and γ = 1, β = 0: the dump was likely captured after LayerNorm folding "
            "(TransformerLens' fold_ln and center_writing_weights, on by default in "
            "HookedTransformer.from_pretrained)";
    } else {
        text +=
            ": the residual stream was likely centred when captured (TransformerLens' "
            "center_writing_weights, on by default in HookedTransformer.from_pretrained)";
    }
    return text +
           ". The angle to 1 is then 90° by construction and says nothing about the model; "
           "capture with HookedTransformer.from_pretrained_no_processing (or fold_ln=False, "
           "center_writing_weights=False).";
}

}  // namespace lngeom
