#include "core/tokens/token_ranges.h"

#include <cmath>

namespace lngeom {

std::vector<Index> tokens_in_range(std::span<const float> values, double low, double high) {
    std::vector<Index> tokens;
    for (std::size_t token = 0; token < values.size(); ++token)
        if (values[token] >= low && values[token] < high) tokens.push_back(Index(token));
    return tokens;
}

std::vector<Index> tokens_in_bins(std::span<const float> values, const Histogram& histogram,
                                  int first_bin, int last_bin) {
    std::vector<Index> tokens;
    for (std::size_t token = 0; token < values.size(); ++token) {
        const double value = values[token];
        if (std::isnan(value) || value < histogram.low || value > histogram.high) continue;
        const int bin = histogram.bin_of(value);
        if (bin >= first_bin && bin <= last_bin) tokens.push_back(Index(token));
    }
    return tokens;
}

}  // namespace lngeom
