#pragma once
// Dumps that cannot show LayerNorm's geometry. TransformerLens' HookedTransformer.from_pretrained
// folds each LayerNorm's γ and β into the next weights (fold_ln) and mean-centres every weight
// that writes to the residual stream (center_writing_weights), both on by default. A dump
// captured that way has LayerNorm inputs that are mean-centred by construction — every angle to
// 1 is 90° to rounding — and γ = 1, β = 0. The angle to 1, the uniform component and the
// γ-ellipsoid then describe the capture, not the model; this says so.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry/norm_affine.h"
#include "core/io/dump.h"
#include "core/metrics/metrics_pass.h"

namespace lngeom {

// Every valid token with |cos θ| ≤ this (|θ − 90°| ≤ 0.057°) means centred by construction:
// float16 rounding of a centred vector leaves about 5·10⁻⁴/√d, while real residual streams reach
// |cos θ| of 10⁻² and more at some token of any site.
inline constexpr double kCentredAbsCos = 1e-3;

// What one site shows.
struct SiteCentring {
    SiteIndex site = 0;
    NormKind kind = NormKind::Unknown;
    Index valid_tokens = 0;
    double max_abs_cos = 0;        // the largest |cos θ| over its valid tokens
    bool identity_affine = false;  // γ = 1 (or none stored) and β = 0 (or none stored)
};

struct FoldedLayerNorm {
    std::vector<SiteIndex> centred_sites;  // LayerNorm (or unknown-kind) sites, all centred
    std::size_t layer_norm_sites = 0;      // LayerNorm (or unknown-kind) sites with tokens
    bool identity_affine = false;          // every centred site has γ = 1, β = 0
    double max_angle_from_90_deg = 0;      // over the centred sites' tokens
};

// Whether γ (effective) is all ones and β all zeros, for a site of width d.
bool is_identity_affine(const NormAffine& affine, Index d);

// Each site's centring from its summaries (metrics_pass.h) and its γ and β read from the dump.
std::vector<SiteCentring> site_centring(const Dump& dump,
                                        const std::vector<SiteSummary>& summaries);

// The centred LayerNorm sites, or nullopt when there are none. RMSNorm sites are left out:
// RMSNorm does not centre, so folding cannot hide anything there.
std::optional<FoldedLayerNorm> detect_folded_layer_norm(const std::vector<SiteCentring>& sites);

// One plain paragraph: what was found, the likely cause, what to do.
std::string describe_folded_layer_norm(const FoldedLayerNorm& finding);

}  // namespace lngeom
