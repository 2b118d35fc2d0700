#include "core/tokens/selection_statistics.h"

#include <vector>

namespace lngeom {

namespace {

std::vector<float> gather(std::span<const float> values, std::span<const Index> tokens) {
    std::vector<float> picked;
    picked.reserve(tokens.size());
    for (Index token : tokens) picked.push_back(values[std::size_t(token)]);
    return picked;
}

}  // namespace

Summary summarize_tokens(std::span<const float> values, std::span<const Index> tokens) {
    return summarize(gather(values, tokens));
}

Moments moments_of_tokens(std::span<const float> values, std::span<const Index> tokens) {
    Moments moments;
    for (Index token : tokens) moments.add(values[std::size_t(token)]);
    return moments;
}

Histogram histogram_of_tokens(std::span<const float> values, std::span<const Index> tokens,
                              double low, double high, int bins) {
    Histogram histogram(low, high, bins);
    for (Index token : tokens) histogram.add(values[std::size_t(token)]);
    return histogram;
}

}  // namespace lngeom
