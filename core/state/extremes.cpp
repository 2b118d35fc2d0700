#include "core/state/extremes.h"

#include <algorithm>
#include <cmath>

namespace lngeom {

namespace {

constexpr auto larger_first = [](const RankedValue& a, const RankedValue& b) {
    return a.value > b.value || (a.value == b.value && a.row < b.row);
};

constexpr auto smaller_first = [](const RankedValue& a, const RankedValue& b) {
    return a.value < b.value || (a.value == b.value && a.row < b.row);
};

// Inserts `candidate` into `kept` (ordered by `before`) when it is among the first k.
template <typename Before>
void keep_first(std::vector<RankedValue>& kept, std::size_t k, const RankedValue& candidate,
                Before before) {
    if (kept.size() == k && (k == 0 || !before(candidate, kept.back()))) return;
    kept.insert(std::upper_bound(kept.begin(), kept.end(), candidate, before), candidate);
    if (kept.size() > k) kept.pop_back();
}

void write_values(StateWriter& out, const std::vector<RankedValue>& values) {
    out.number<std::uint64_t>(values.size());
    for (const RankedValue& value : values) {
        out.number(value.value);
        out.number(value.row);
    }
}

template <typename Before>
std::vector<RankedValue> read_values(StateReader& in, std::size_t k, Before before) {
    const auto count = in.number<std::uint64_t>();
    if (count > k)
        in.fail("holds " + std::to_string(count) + " extremes, more than " + std::to_string(k));
    std::vector<RankedValue> values(count);
    for (RankedValue& value : values) {
        value.value = in.number<double>();
        value.row = in.number<std::int64_t>();
        if (std::isnan(value.value) || value.row < 0) in.fail("an extreme is NaN or has no row");
    }
    if (!std::is_sorted(values.begin(), values.end(), before)) in.fail("extremes out of order");
    return values;
}

}  // namespace

Extremes::Extremes(int k) : k_(std::size_t(std::max(k, 0))) {}

void Extremes::insert(double value, std::int64_t row) {
    if (std::isnan(value)) return;
    keep_first(largest_, k_, {value, row}, larger_first);
    keep_first(smallest_, k_, {value, row}, smaller_first);
}

void Extremes::merge(const Extremes& other) {
    for (const RankedValue& value : other.largest_) keep_first(largest_, k_, value, larger_first);
    for (const RankedValue& value : other.smallest_)
        keep_first(smallest_, k_, value, smaller_first);
}

std::size_t Extremes::bytes() const {
    return sizeof(RankedValue) * (largest_.capacity() + smallest_.capacity());
}

std::size_t Extremes::max_bytes(int k) { return sizeof(RankedValue) * 2 * std::size_t(k + 1); }

void Extremes::write(StateWriter& out) const {
    out.number<std::uint64_t>(k_);
    write_values(out, largest_);
    write_values(out, smallest_);
}

void Extremes::read(StateReader& in) {
    const auto k = in.number<std::uint64_t>();
    if (k > 1024) in.fail("asks for " + std::to_string(k) + " extremes");
    k_ = std::size_t(k);
    largest_ = read_values(in, k_, larger_first);
    smallest_ = read_values(in, k_, smaller_first);
}

}  // namespace lngeom
