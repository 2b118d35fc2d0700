#pragma once
// Tick positions and labels of a chart axis, as matplotlib places and writes them: MaxNLocator's
// round steps (1, 2, 2.5, 5 × 10^k) for a numeric range, an offset and a power of ten taken out
// of the labels when they would otherwise repeat the same leading digits (a nearly constant
// metric such as ‖y‖ = √d ± 3·10⁻⁶), and every k-th label of a categorical axis (the sites)
// when they cannot all be written side by side.

#include <cstddef>
#include <string>
#include <vector>

namespace lngeom {

struct AxisTicks {
    std::vector<double> positions;
    std::vector<std::string> labels;  // distinct, one per position
    // What to add to the labels after scaling, e.g. "×1e-6 +11.3137" (label × 10⁻⁶ + 11.3137 is
    // the value); empty when the labels are the values themselves.
    std::string note;
};

// At most `max_ticks` (≥ 2) ticks at multiples of a round step inside [low, high] (low < high,
// both finite). Labels have the fewest decimals that tell the ticks apart.
AxisTicks axis_ticks(double low, double high, int max_ticks);

// Ticks of a logarithmic axis whose data are drawn as log10 of the values, over [low, high] in
// those units (low < high, finite): positions in log10 units, labels of the values as
// matplotlib's LogFormatterSciNotation writes them (10⁻², 10⁰, 10³). Every k-th decade (k = 1,
// 2, 5, 10, …) when more than `max_ticks` (≥ 2) would be written; within less than two decades,
// 1, 2 and 5 × 10^k as plain numbers (0.5, 1, 2), and within less than a factor of 2.5, round
// steps of the values.
AxisTicks log_axis_ticks(double low, double high, int max_ticks);

// Which of `count` categories to label when at most `max_labels` fit: every k-th from the first,
// with k the smallest of 1, 2, 5, 10, 20, 50, ... that is enough. Empty for count 0.
std::vector<std::size_t> thinned_categories(std::size_t count, std::size_t max_labels);

}  // namespace lngeom
