#pragma once
// The mergeable state of one site: everything the statistics keep of its rows, in memory that
// does not grow with the number of tokens, such that the state of all rows is the merge of the
// states of any split of them (threads, shards, MPI ranks).
//
// A SiteState is a tuple of parts. Each part is a small class P with
//
//   explicit P(const SiteInfo& site);   // the empty state; its shapes (metrics, d) from the site
//   static constexpr std::string_view kTag;   // its name in state bytes, e.g. "metrics"
//   void add(const BlockView& block);   // folds in a block of rows the pass has computed
//   void merge(const P& other);         // folds in the state of other, disjoint rows
//   void write(StateWriter& out) const; // the bytes of state files and MPI messages
//   void read(StateReader& in);         // replaces the content; FormatError when the bytes are
//                                       // damaged or made for another shape
//   std::size_t bytes() const;          // memory held now
//   static std::size_t max_bytes(const SiteInfo& site);   // bound for the site's n_tokens
//
// merge() must make the state of a union equal to adding its rows in one go: exactly for
// integer counts, min, max, histograms, extremes and the quantile sketch; up to rounding
// (relative 1e−15 per merge) for means and sums of squares (Chan's formula). A new kind of
// per-site state (e.g. the top-k of |x| per dimension) becomes a part by writing such a class
// and naming it in SiteStateParts below; the pass, state files, `lngeom merge` and MPI then
// carry it. A new per-token metric needs nothing here: it joins MetricStates through its entry
// in metric_descriptions() (core/metrics/metrics.h), with its histogram edges.

#include <Eigen/Core>
#include <cstdint>
#include <span>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/site_summary.h"
#include "core/state/massive_part.h"
#include "core/state/metric_state.h"
#include "core/state/state_codec.h"

namespace lngeom {

struct MagnitudeScan;  // core/analysis/magnitude_scan.h

// A block of rows of one site as the pass has computed it.
struct BlockView {
    const SiteInfo& site;
    const RowBlock& input;   // rows first_row … first_row + n − 1 of the input (n × d)
    const RowBlock* output;  // the same rows of the output, or null when the site has none
    // n × metric_count(site.has_output): the per-token metrics in site_metrics() order, in
    // double, NaN where a token is invalid.
    const RowMatrixD& values;
    std::span<const std::uint8_t> flags;  // n InvalidReason bits (core/metrics/token_metrics.h)
    // n positions of the tokens in their sequences (/position); empty when the dump has none.
    std::span<const std::int32_t> positions;
    // The magnitude scan of the valid rows (core/analysis/magnitude_scan.h) and each valid row's
    // max |x| (n), when the pass made them with the metrics (token_metrics_scanned, float
    // rows); null and empty when the rows are still to be scanned.
    const MagnitudeScan* scan;
    std::span<const float> largest;

    Index first_row() const { return input.first_row; }
    Index n_rows() const { return values.rows(); }
};

// Rows seen and why tokens have no metrics (counts of InvalidReason bits).
struct TokenCounts {
    static constexpr std::string_view kTag = "counts";

    Index rows = 0;
    Index invalid = 0;  // any input reason
    Index non_finite = 0;
    Index zero = 0;
    Index constant = 0;
    Index invalid_output = 0;

    explicit TokenCounts(const SiteInfo&) {}
    void add(const BlockView& block);
    void merge(const TokenCounts& other);
    void write(StateWriter& out) const;
    void read(StateReader& in);
    std::size_t bytes() const { return sizeof *this; }
    static std::size_t max_bytes(const SiteInfo&) { return sizeof(TokenCounts); }
};

// One MetricState per metric of the site, in site_metrics() order.
struct MetricStates {
    static constexpr std::string_view kTag = "metrics";

    std::vector<MetricState> metrics;

    explicit MetricStates(const SiteInfo& site);
    void add(const BlockView& block);
    void merge(const MetricStates& other);
    void write(StateWriter& out) const;
    void read(StateReader& in);
    std::size_t bytes() const;
    static std::size_t max_bytes(const SiteInfo& site);
};

// The parts every SiteState holds, in the order they are written.
using SiteStateParts = std::tuple<TokenCounts, MetricStates, MassivePart>;

class SiteState {
  public:
    explicit SiteState(const SiteInfo& site);

    void add(const BlockView& block);
    // Folds in the state of other rows of the same site (disjoint from this state's rows).
    void merge(const SiteState& other);

    template <typename Part>
    const Part& part() const {
        return std::get<Part>(parts_);
    }
    const TokenCounts& counts() const { return part<TokenCounts>(); }
    const std::vector<MetricState>& metrics() const { return part<MetricStates>().metrics; }
    const MassiveState& massive() const { return part<MassivePart>().state; }

    // n_tokens is the number of rows seen: the site's n_tokens once every row is in.
    SiteSummary summary() const;

    std::size_t bytes() const;
    static std::size_t max_bytes(const SiteInfo& site);

    // Each part as its tag and its length-prefixed bytes.
    void write(StateWriter& out) const;
    // Replaces every part; FormatError naming the reader's source when a part is missing,
    // damaged, or made for another site shape.
    void read(StateReader& in);

  private:
    SiteStateParts parts_;
};

}  // namespace lngeom
