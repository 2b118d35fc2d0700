#pragma once
// Massive activations (Sun, Chen, Kolter & Liu, "Massive Activations in Large Language Models",
// arXiv 2402.17762): a few coordinates of a few tokens — the first token, delimiters — are
// 10³–10⁴ times larger than the rest, in the same few dimensions from early layers on. The angle
// to 1 cannot see them (cos θ ≈ ±1/√d), yet they dominate σ, so LayerNorm's output for such a
// token is nearly fixed, ≈ √d·γ_k·e_k + β.
//
// A token is flagged when max_i |x_{t,i}| > A and ≥ R × the median |x| over every coordinate of
// every token of its site (A = 100, R = 1000 by default). The per-site state below gathers, in
// one streaming pass and memory O(d) per site, what that needs and what the views show: the
// counts of all n·d magnitudes (for the median), the counts of each token's max |x| by position
// (first of its sequence or later), each dimension's peak |x| with its token, and each
// dimension's count of |x| ≥ 6 (Dettmers et al.'s LLM.int8() outlier rule). States of disjoint
// rows merge exactly, so thresholds are applied afterwards, to the merged counts.

#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "core/analysis/magnitude_counts.h"
#include "core/io/dump.h"

namespace lngeom {

struct MagnitudeScan;  // core/analysis/magnitude_scan.h

struct MassiveThresholds {
    double absolute = 100;  // A: max |x| must exceed it
    double ratio = 1000;    // R: and be at least R × the site's median |x|
};

// LLM.int8()'s outlier features (Dettmers et al., arXiv 2208.07339): a dimension where |x| ≥ 6
// in at least 6 % of the tokens, at at least 25 % of the sites.
inline constexpr double kInt8OutlierMagnitude = 6.0;
inline constexpr double kInt8OutlierTokenShare = 0.06;
inline constexpr double kInt8OutlierSiteShare = 0.25;

// Whether `magnitude` reaches `threshold` on the grid of magnitude_counts.h: the same test the
// counts apply, so a token the views flag is one the report counts. Exact when the threshold is
// a grid edge (as 100 is); otherwise magnitudes up to 2.2 % below it also reach it.
bool reaches_threshold(double magnitude, double threshold);

class MassiveState {
  public:
    explicit MassiveState(Index d = 0);

    // Rows first_row … of a block (n × d). positions: each row's position in its sequence (n),
    // or empty when the dump has none. Rows whose flags carry an input reason (non-finite, zero,
    // constant; core/metrics/token_metrics.h) are skipped, as every statistic skips them.
    void add(const RowBlock& rows, std::span<const std::int32_t> positions,
             std::span<const std::uint8_t> flags);
    // The same for float rows the caller has scanned itself (magnitude_scan.h), each valid row
    // as its row of the block, with each valid row's max |x| in `largest` (n): the statistics
    // pass scans a row right after its metrics, while it is still in L1.
    void add_scanned(const MagnitudeScan& scan, std::span<const float> largest,
                     std::int64_t first_row, std::span<const std::int32_t> positions,
                     std::span<const std::uint8_t> flags);
    // std::invalid_argument when d differs.
    void merge(const MassiveState& other);

    Index d() const { return Index(peak_abs_.size()); }
    const MagnitudeCounts& magnitudes() const { return magnitudes_; }  // every |x_{t,i}|
    // Each valid token's max |x|, for tokens at position 0 (first = true) or later; without
    // positions every token counts as later.
    const MagnitudeCounts& token_peaks(bool first) const { return token_peaks_[first ? 0 : 1]; }
    bool has_positions() const { return has_positions_; }
    // Per dimension (d): the largest |x| over the tokens, its row (−1 before any) and position
    // (−1 when unknown); ties go to the lower row, so merging does not depend on the split.
    const std::vector<double>& peak_abs() const { return peak_abs_; }
    const std::vector<std::int64_t>& peak_row() const { return peak_row_; }
    const std::vector<std::int32_t>& peak_position() const { return peak_position_; }
    // Per dimension (d): tokens with |x| ≥ kInt8OutlierMagnitude.
    const std::vector<std::int64_t>& int8_outlier_tokens() const { return int8_tokens_; }

    // Replaces the content (for decoding); std::invalid_argument when the shapes disagree.
    void assign(MagnitudeCounts magnitudes, std::array<MagnitudeCounts, 2> token_peaks,
                bool has_positions, std::vector<double> peak_abs,
                std::vector<std::int64_t> peak_row, std::vector<std::int32_t> peak_position,
                std::vector<std::int64_t> int8_tokens);

    std::size_t bytes() const;
    static std::size_t max_bytes(Index d);

  private:
    template <typename Scalar>
    void add_row(const Scalar* x, std::int64_t row, std::int32_t position);
    void add_float_rows(const RowMatrixF& rows, std::int64_t first_row,
                        std::span<const std::int32_t> positions,
                        std::span<const std::uint8_t> flags);
    void take_peak(Index dim, double magnitude, std::int64_t row, std::int32_t position);

    MagnitudeCounts magnitudes_;
    std::array<MagnitudeCounts, 2> token_peaks_;
    bool has_positions_ = false;
    std::vector<double> peak_abs_;
    std::vector<std::int64_t> peak_row_;
    std::vector<std::int32_t> peak_position_;
    std::vector<std::int64_t> int8_tokens_;
    std::vector<int> bins_;  // scratch: one row's magnitude bins
};

struct MassiveDimension {
    Index dim = 0;
    double max_abs = 0;
    std::int64_t token = -1;     // the row of the token with that peak
    std::int32_t position = -1;  // its position; −1 when unknown
};

// What the report and the views show of one site.
struct MassiveReport {
    MassiveThresholds thresholds;
    double median_abs = 0;    // median |x| over every coordinate of every valid token (±2.2 %)
    double threshold = 0;     // max(A, R · median_abs): a token is flagged when max |x| reaches it
    std::int64_t tokens = 0;  // valid tokens
    std::int64_t tokens_flagged = 0;
    double fraction_flagged = 0;  // NaN without valid tokens
    bool has_positions = false;
    std::int64_t first_position_tokens = 0, first_position_flagged = 0;
    std::int64_t later_tokens = 0, later_flagged = 0;
    std::vector<MassiveDimension> top_dims;  // by peak descending (ties: lower dim first)
};

MassiveReport report_massive(const MassiveState& state, const MassiveThresholds& thresholds,
                             int top_dims = 10);

// The LLM.int8() rule over the sites of one width d: a dimension is an outlier feature when
// |x| ≥ 6 at ≥ 6 % of a site's valid tokens, at ≥ 25 % of the sites of that width with valid
// tokens (Dettmers et al. count layers; here every norm site is one).
struct Int8Outliers {
    Index d = 0;
    int sites = 0;                // sites of width d with valid tokens
    std::vector<Index> dims;      // the outlier dimensions, ascending
    std::vector<int> sites_with;  // per entry of dims: the sites where it reaches 6 % of tokens
};

// One entry per distinct width among `sites`, in order of first appearance. Reads only the
// per-dimension counts of the states, so it costs O(sites · d) after the streaming pass.
std::vector<Int8Outliers> int8_outliers(const std::vector<const MassiveState*>& sites);

}  // namespace lngeom
