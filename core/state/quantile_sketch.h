#pragma once
// A mergeable quantile sketch with a deterministic relative-error bound, in bounded memory.
//
// Values are taken as float (the precision of the stored per-token columns; finite doubles
// beyond float's range are clamped to ±FLT_MAX). Small sets are exact: up to `exact_limit`
// values (8192 by default) are kept, and a quantile is numpy's default 'linear' one of those
// values. Past that, the values go into logarithmic buckets of their magnitude, one store per
// sign, each with an exact integer count (DDSketch: Masson, Rim and Lee, VLDB 2019, with its
// linearly interpolated index): a bucket is a float's exponent and the top 7 bits of its
// mantissa, found with a shift and no logarithm, 128 buckets per power of two, each at most
// 1/128 wide relative to its lower edge; zeros have their own count. A quantile is numpy's
// linear interpolation between the order statistics below and above its position q·(n − 1),
// each read as the middle of the bucket holding it, clamped to the exact min and max (which
// are also the order statistics 0 and n − 1).
//
// Error bound (relative, not rank): every order statistic read from the buckets is within
// 1/256 = 0.39 % of the true one (normal floats: |v| ≥ 1.2e−38), so each quantile is within 0.39 %
// (under the 0.5 % asked for) of the true quantile as numpy computes it (for neighbours of opposite
// signs: of the larger magnitude). It holds for any distribution, heavy tails included. One
// exception keeps memory bounded: a store keeps at most 8192 buckets (64 powers of two, 19.3
// decades, 64 KiB) below the largest magnitude of its sign; magnitudes further below fold into its
// lowest bucket, so an order statistic there is off by less than that largest magnitude × 2^−63.
//
// Merging is exact: counts add, and folding depends only on the largest magnitude, so a sketch
// of the union of disjoint sets is the same whatever the split and order of the merges (the
// exact values may come in another order; the quantiles do not change).

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "core/state/state_codec.h"

namespace lngeom {

class QuantileSketch {
  public:
    static constexpr double kRelativeAccuracy = 1.0 / 256;  // the bound above
    static constexpr std::size_t kExactLimit = 8192;
    static constexpr int kMaxBuckets = 8192;  // per sign

    explicit QuantileSketch(std::size_t exact_limit = kExactLimit);

    // NaN is skipped; the value is rounded to float. The exact path is inline: the pass adds
    // every value of every metric.
    void add(double number) {
        if (std::isnan(number)) return;
        const float value = as_float(number);
        min_ = count_ == 0 ? value : std::min(min_, value);
        max_ = count_ == 0 ? value : std::max(max_, value);
        ++count_;
        if (exact_mode_ && exact_.size() < exact_limit_)
            exact_.push_back(value);
        else
            add_past_exact_limit(value);
    }
    void merge(const QuantileSketch& other);

    std::int64_t count() const { return count_; }
    bool is_exact() const { return exact_mode_; }
    // The q-quantile (q in [0, 1]) as described above; NaN when empty.
    double quantile(double q) const;

    // Bytes held now, and at most for a sketch of `values` values.
    std::size_t bytes() const;
    static std::size_t max_bytes(std::int64_t values, std::size_t exact_limit = kExactLimit);

    void write(StateWriter& out) const;
    // Replaces this sketch; FormatError naming the reader's source when the bytes are not a
    // consistent sketch (counts that do not add up, too many buckets, more exact values than
    // its limit).
    void read(StateReader& in);

  private:
    // Counts of consecutive bucket keys first_key, first_key + 1, ...
    struct BucketStore {
        std::int32_t first_key = 0;
        std::vector<std::int64_t> counts;

        std::int32_t last_key() const { return first_key + std::int32_t(counts.size()) - 1; }
        void add(std::int32_t key, std::int64_t count);
        void merge(const BucketStore& other);
        std::int64_t total() const;

      private:
        // Moves the kept range to [first, last], folding counts below `first` into it.
        void reshape(std::int32_t first, std::int32_t last);
    };

    // A double as the sketch keeps it: a finite float.
    static float as_float(double value) {
        constexpr double kLargest = std::numeric_limits<float>::max();
        return float(std::clamp(value, -kLargest, kLargest));
    }
    void add_past_exact_limit(float value);
    void add_to_buckets(float value, std::int64_t count);
    void leave_exact_mode();
    // The order statistic of `rank` (0 … count − 1) read from the buckets.
    double bucket_value(std::int64_t rank) const;
    double representative(std::int32_t key) const;

    std::size_t exact_limit_;
    std::int64_t count_ = 0;
    float min_ = 0;
    float max_ = 0;
    bool exact_mode_ = true;
    std::vector<float> exact_;  // the values while exact
    BucketStore negative_;      // keys of −value for negative values
    BucketStore positive_;
    std::int64_t zeros_ = 0;
};

}  // namespace lngeom
