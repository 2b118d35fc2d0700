#include "core/state/quantile_sketch.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "core/metrics/statistics.h"

namespace lngeom {

namespace {

// A bucket is a float's exponent and the top kMantissaBits of its mantissa.
constexpr int kMantissaBits = 7;
constexpr int kKeyShift = 23 - kMantissaBits;
// Keys of positive floats lie in [0, kLargestKey] (the bits of +∞ shifted).
constexpr std::int32_t kLargestKey = 0x7f800000 >> kKeyShift;

std::int32_t bucket_key(float magnitude) {
    return std::int32_t(std::bit_cast<std::uint32_t>(magnitude) >> kKeyShift);
}

// The lower edge of a bucket: the float whose bits are the key shifted back.
double bucket_low(std::int32_t key) {
    return std::bit_cast<float>(std::uint32_t(key) << kKeyShift);
}

}  // namespace

void QuantileSketch::BucketStore::add(std::int32_t key, std::int64_t count) {
    if (counts.empty()) {
        first_key = key;
        counts.assign(1, count);
        return;
    }
    const std::int32_t last = std::max(last_key(), key);
    const std::int32_t lowest = last - kMaxBuckets + 1;  // below: folded into the lowest bucket
    key = std::max(key, lowest);
    if (key < first_key || key > last_key())
        reshape(std::max(std::min(key, first_key), lowest), last);
    counts[std::size_t(key - first_key)] += count;
}

void QuantileSketch::BucketStore::merge(const BucketStore& other) {
    if (other.counts.empty()) return;
    if (counts.empty()) {
        *this = other;
        return;
    }
    const std::int32_t last = std::max(last_key(), other.last_key());
    const std::int32_t first =
        std::max(std::min(first_key, other.first_key), last - kMaxBuckets + 1);
    reshape(first, last);
    for (std::size_t i = 0; i < other.counts.size(); ++i) {
        const std::int32_t key = std::max(other.first_key + std::int32_t(i), first_key);
        counts[std::size_t(key - first_key)] += other.counts[i];
    }
}

std::int64_t QuantileSketch::BucketStore::total() const {
    std::int64_t sum = 0;
    for (const std::int64_t count : counts) sum += count;
    return sum;
}

void QuantileSketch::BucketStore::reshape(std::int32_t first, std::int32_t last) {
    std::vector<std::int64_t> kept(std::size_t(last - first + 1), 0);
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const std::int32_t key = std::max(first_key + std::int32_t(i), first);
        kept[std::size_t(key - first)] += counts[i];
    }
    counts = std::move(kept);
    first_key = first;
}

QuantileSketch::QuantileSketch(std::size_t exact_limit) : exact_limit_(exact_limit) {}

void QuantileSketch::add_past_exact_limit(float value) {
    if (exact_mode_) leave_exact_mode();
    add_to_buckets(value, 1);
}

void QuantileSketch::merge(const QuantileSketch& other) {
    if (other.count_ == 0) return;
    if (count_ == 0) {
        *this = other;
        return;
    }
    min_ = std::min(min_, other.min_);
    max_ = std::max(max_, other.max_);
    count_ += other.count_;
    if (exact_mode_ && other.exact_mode_ && exact_.size() + other.exact_.size() <= exact_limit_) {
        exact_.insert(exact_.end(), other.exact_.begin(), other.exact_.end());
        return;
    }
    if (exact_mode_) leave_exact_mode();
    if (other.exact_mode_) {
        for (const float value : other.exact_) add_to_buckets(value, 1);
        return;
    }
    negative_.merge(other.negative_);
    positive_.merge(other.positive_);
    zeros_ += other.zeros_;
}

void QuantileSketch::add_to_buckets(float value, std::int64_t count) {
    if (value > 0)
        positive_.add(bucket_key(value), count);
    else if (value < 0)
        negative_.add(bucket_key(-value), count);
    else
        zeros_ += count;
}

void QuantileSketch::leave_exact_mode() {
    exact_mode_ = false;
    for (const float value : exact_) add_to_buckets(value, 1);
    exact_ = {};
}

// The middle of the bucket: within half its width, at most 1/256 of the lower edge, of every
// magnitude in it.
double QuantileSketch::representative(std::int32_t key) const {
    return (bucket_low(key) + bucket_low(key + 1)) / 2;
}

double QuantileSketch::bucket_value(std::int64_t rank) const {
    std::int64_t below = 0;
    for (std::int32_t key = negative_.last_key(); key >= negative_.first_key; --key) {
        below += negative_.counts[std::size_t(key - negative_.first_key)];
        if (rank < below) return -representative(key);
    }
    below += zeros_;
    if (rank < below) return 0;
    for (std::int32_t key = positive_.first_key; key <= positive_.last_key(); ++key) {
        below += positive_.counts[std::size_t(key - positive_.first_key)];
        if (rank < below) return representative(key);
    }
    return max_;
}

double QuantileSketch::quantile(double q) const {
    if (count_ == 0) return std::numeric_limits<double>::quiet_NaN();
    if (exact_mode_) {
        std::vector<float> values = exact_;
        return select_quantile(values, q);
    }
    const auto value_at = [&](std::int64_t rank) -> double {
        if (rank == 0) return min_;
        if (rank == count_ - 1) return max_;
        return std::clamp(bucket_value(rank), double(min_), double(max_));
    };
    const auto [below, fraction] = quantile_position(std::size_t(count_), q);
    const auto rank = std::int64_t(below);
    const double a = value_at(rank);
    return interpolate_quantile(a, rank + 1 < count_ ? value_at(rank + 1) : a, fraction);
}

std::size_t QuantileSketch::bytes() const {
    return sizeof(float) * exact_.capacity() +
           sizeof(std::int64_t) * (negative_.counts.capacity() + positive_.counts.capacity());
}

// The exact values grow by doubling up to the limit; past it, both stores may fill (while the
// exact values are moved into them, both are alive).
std::size_t QuantileSketch::max_bytes(std::int64_t values, std::size_t exact_limit) {
    const auto n = std::uint64_t(std::max<std::int64_t>(values, 0));
    const std::size_t exact = std::min<std::size_t>(std::bit_ceil(n), exact_limit);
    const std::size_t buckets =
        n > exact_limit ? 2 * std::min<std::size_t>(n, std::size_t(kMaxBuckets)) : 0;
    return sizeof(float) * exact + sizeof(std::int64_t) * buckets;
}

void QuantileSketch::write(StateWriter& out) const {
    out.number<std::uint64_t>(exact_limit_);
    out.number<std::int64_t>(count_);
    out.number(min_);
    out.number(max_);
    out.number<std::uint8_t>(exact_mode_);
    if (exact_mode_) {
        out.numbers(exact_);
        return;
    }
    out.number<std::int64_t>(zeros_);
    for (const BucketStore* store : {&negative_, &positive_}) {
        out.number(store->first_key);
        out.numbers(store->counts);
    }
}

void QuantileSketch::read(StateReader& in) {
    QuantileSketch sketch(in.number<std::uint64_t>());
    sketch.count_ = in.number<std::int64_t>();
    sketch.min_ = in.number<float>();
    sketch.max_ = in.number<float>();
    sketch.exact_mode_ = in.number<std::uint8_t>() != 0;
    if (sketch.count_ < 0 || (sketch.count_ > 0 && !(sketch.min_ <= sketch.max_)))
        in.fail("a quantile sketch has a negative count or min > max");
    if (sketch.exact_mode_) {
        sketch.exact_ = in.numbers<float>();
        if (std::int64_t(sketch.exact_.size()) != sketch.count_ ||
            sketch.exact_.size() > sketch.exact_limit_ ||
            std::any_of(sketch.exact_.begin(), sketch.exact_.end(),
                        [](float value) { return !std::isfinite(value); }))
            in.fail("a quantile sketch holds " + std::to_string(sketch.exact_.size()) +
                    " exact values (finite ones?) for a count of " + std::to_string(sketch.count_));
    } else {
        sketch.zeros_ = in.number<std::int64_t>();
        for (BucketStore* store : {&sketch.negative_, &sketch.positive_}) {
            store->first_key = in.number<std::int32_t>();
            store->counts = in.numbers<std::int64_t>();
            if (store->counts.size() > std::size_t(kMaxBuckets) || store->first_key < 0 ||
                store->first_key > kLargestKey ||
                std::any_of(store->counts.begin(), store->counts.end(),
                            [](std::int64_t count) { return count < 0; }))
                in.fail("a quantile sketch has more than " + std::to_string(kMaxBuckets) +
                        " buckets, a key out of range or a negative count");
        }
        const std::int64_t total =
            sketch.zeros_ + sketch.negative_.total() + sketch.positive_.total();
        if (sketch.zeros_ < 0 || total != sketch.count_ ||
            std::size_t(sketch.count_) <= sketch.exact_limit_)
            in.fail("a quantile sketch's buckets hold " + std::to_string(total) +
                    " values for a count of " + std::to_string(sketch.count_));
    }
    *this = std::move(sketch);
}

}  // namespace lngeom
