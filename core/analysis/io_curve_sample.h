#pragma once
// The input–output curve of one site of a dump, from a bounded sample of its tokens: what the
// view and the figure draw (io_curve.h has the points, the fit and the density grid).

#include <Eigen/Core>
#include <atomic>
#include <vector>

#include "core/analysis/io_curve.h"
#include "core/io/dump.h"

namespace lngeom {

// One token's line y = (x − μ_t)/√(σ_t² + ε) (RMSNorm: μ_t = 0, σ_t² = mean x_t²) over its own
// inputs' range.
struct IoCurveLine {
    Index token = 0;               // the row in the site
    double centre = 0, scale = 0;  // μ_t and √(σ_t² + ε)
    double x_low = 0, x_high = 0;
};

struct IoCurveSample {
    SiteIndex site = 0;
    NormKind kind = NormKind::LayerNorm;  // Unknown sites are standardized as LayerNorm
    Index d = 0;
    Index n_tokens = 0;     // the site's
    Index tokens_read = 0;  // rows read (the sample); every row when it is the whole site
    IoCurvePoints points;   // their standardized rows' points; token is the row in the site
    TanhFit fit;
    Density2D density;         // over the central 99.8 % of inputs and outputs
    Index points_outside = 0;  // points beyond the density's ranges
    // Every standardized row's line, in the order of the points: row k's d points are
    // points[k·d, (k + 1)·d).
    std::vector<IoCurveLine> tokens;
    // The tokens of the smallest, median and largest σ_t among the sample (fewer when it has
    // fewer tokens): the slopes that bend the curve.
    std::vector<IoCurveLine> lines;

    bool sampled() const { return tokens_read < n_tokens; }
};

inline constexpr Index kIoCurvePoints = Index(1) << 19;  // tokens·d sampled at most
inline constexpr int kIoCurveColumns = 120, kIoCurveRows = 90;

// Reads at most max(1, max_points / d) rows of the site's input in sampled_runs (the whole
// site when it is that small), standardizes them as the site's norm does, fits tanh(α·x) and
// bins the points. RequestError naming the site when it does not exist; CancelledError when
// `cancel` is set meanwhile. A site without standardizable tokens gives no points, fit NaN.
IoCurveSample sample_io_curve(const Dump& dump, SiteIndex site, Index max_points = kIoCurvePoints,
                              const std::atomic<bool>* cancel = nullptr);

}  // namespace lngeom
