#include "core/state/metric_state.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lngeom {

namespace {

std::optional<FixedHistogram> histogram_for(const MetricDescription& metric) {
    if (metric.histogram.bins == 0) return std::nullopt;
    return FixedHistogram(metric.histogram);
}

void write_moments(StateWriter& out, const Moments& moments) {
    out.number(moments.count);
    for (const double value : {moments.mean, moments.m2, moments.min, moments.max})
        out.number(value);
}

Moments read_moments(StateReader& in) {
    Moments moments;
    moments.count = in.number<std::int64_t>();
    for (double* value : {&moments.mean, &moments.m2, &moments.min, &moments.max})
        *value = in.number<double>();
    if (moments.count < 0 || moments.m2 < 0 || (moments.count > 0 && !(moments.min <= moments.max)))
        in.fail("moments with a negative count or M2, or min > max");
    return moments;
}

// Moments in two passes over the column (no division per value, and the sum of squares of
// deviations from the block's own mean), merged by Chan's formula.
Moments column_moments(const double* values, Index stride, Index n) {
    Moments moments;
    double sum = 0;
    for (Index i = 0; i < n; ++i) {
        const double value = values[i * stride];
        if (std::isnan(value)) continue;
        moments.min = moments.count == 0 ? value : std::min(moments.min, value);
        moments.max = moments.count == 0 ? value : std::max(moments.max, value);
        ++moments.count;
        sum += value;
    }
    if (moments.count == 0) return moments;
    moments.mean = sum / double(moments.count);
    for (Index i = 0; i < n; ++i) {
        const double deviation = values[i * stride] - moments.mean;
        if (!std::isnan(deviation)) moments.m2 += deviation * deviation;
    }
    return moments;
}

}  // namespace

MetricState::MetricState(const MetricDescription& metric)
    : metric_(metric.metric), histogram_(histogram_for(metric)) {}

void MetricState::add_column(const double* values, Index stride, Index n, std::int64_t first_row) {
    moments_.merge(column_moments(values, stride, n));
    for (Index i = 0; i < n; ++i) {
        const double value = values[i * stride];
        if (std::isnan(value)) continue;
        if (histogram_) histogram_->add(value);
        quantiles_.add(value);
        extremes_.add(value, first_row + i);
    }
}

void MetricState::merge(const MetricState& other) {
    moments_.merge(other.moments_);
    if (histogram_) histogram_->merge(*other.histogram_);
    quantiles_.merge(other.quantiles_);
    extremes_.merge(other.extremes_);
}

Summary MetricState::summary() const {
    const bool empty = moments_.count == 0;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {moments_.count,
            empty ? nan : moments_.mean,
            moments_.std(),
            empty ? nan : moments_.min,
            empty ? nan : moments_.max,
            quantiles_.quantile(0.01),
            quantiles_.quantile(0.5),
            quantiles_.quantile(0.99)};
}

std::size_t MetricState::bytes() const {
    return sizeof *this + (histogram_ ? histogram_->bytes() : 0) + quantiles_.bytes() +
           extremes_.bytes();
}

std::size_t MetricState::max_bytes(const MetricDescription& metric, std::int64_t values) {
    return sizeof(MetricState) + FixedHistogram::max_bytes(metric.histogram) +
           QuantileSketch::max_bytes(values) + Extremes::max_bytes();
}

void MetricState::write(StateWriter& out) const {
    out.text(describe(metric_).key);
    write_moments(out, moments_);
    if (histogram_) histogram_->write(out);
    quantiles_.write(out);
    extremes_.write(out);
}

void MetricState::read(StateReader& in) {
    const std::string key = in.text();
    if (key != describe(metric_).key)
        in.fail("holds metric '" + key + "' where this lngeom has '" +
                std::string(describe(metric_).key) + "'");
    moments_ = read_moments(in);
    if (histogram_) histogram_->read(in);
    quantiles_.read(in);
    extremes_.read(in);
    if (quantiles_.count() != moments_.count)
        in.fail("metric '" + key + "' counts " + std::to_string(moments_.count) +
                " values in its moments but " + std::to_string(quantiles_.count()) +
                " in its quantile sketch");
}

}  // namespace lngeom
