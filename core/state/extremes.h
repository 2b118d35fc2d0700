#pragma once
// The k largest and k smallest values of a metric with the rows (tokens) they come from: which
// tokens have the largest norms, the smallest angles. Mergeable exactly: ties are broken by the
// lower row, so the extremes of a union do not depend on how it was split.

#include <cstdint>
#include <vector>

#include "core/state/state_codec.h"

namespace lngeom {

struct RankedValue {
    double value = 0;
    std::int64_t row = 0;  // the token's row in its site
};

class Extremes {
  public:
    static constexpr int kDefaultCount = 8;

    explicit Extremes(int k = kDefaultCount);

    // NaN is skipped. Most values are neither among the largest nor the smallest: that is
    // decided inline.
    void add(double value, std::int64_t row) {
        if (full() && !(value >= largest_.back().value) && !(value <= smallest_.back().value))
            return;
        insert(value, row);
    }
    void merge(const Extremes& other);

    // At most k values each: largest first, smallest first.
    const std::vector<RankedValue>& largest() const { return largest_; }
    const std::vector<RankedValue>& smallest() const { return smallest_; }

    std::size_t bytes() const;
    static std::size_t max_bytes(int k = kDefaultCount);

    void write(StateWriter& out) const;
    // Replaces these extremes; FormatError from the reader when they are inconsistent.
    void read(StateReader& in);

  private:
    bool full() const { return largest_.size() == k_ && smallest_.size() == k_; }
    void insert(double value, std::int64_t row);

    std::size_t k_;
    std::vector<RankedValue> largest_;   // (value descending, row ascending)
    std::vector<RankedValue> smallest_;  // (value ascending, row ascending)
};

}  // namespace lngeom
