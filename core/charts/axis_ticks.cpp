#include "core/charts/axis_ticks.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace lngeom {
namespace {

// matplotlib's default offset threshold: an offset is taken out when the labels would share at
// least this many leading digits.
constexpr int kOffsetDigits = 4;
// Labels whose largest value falls outside [1e-3, 1e5) are scaled by a power of ten.
constexpr int kSmallestPower = -3;
constexpr int kLargestPower = 5;

// The smallest round step (1, 2, 2.5, 5 × 10^k) that covers [low, high] with at most `bins`
// intervals between ticks at its multiples.
double round_step(double low, double high, int bins) {
    constexpr std::array<double, 5> kSteps{1.0, 2.0, 2.5, 5.0, 10.0};
    const double raw = (high - low) / bins;
    double scale = std::pow(10.0, std::floor(std::log10(raw)));
    for (int attempt = 0; attempt < 3; ++attempt, scale *= 10)
        for (double step : kSteps) {
            const double candidate = step * scale;
            const double first = std::ceil(low / candidate - 1e-9);
            const double last = std::floor(high / candidate + 1e-9);
            if (last - first <= bins) return candidate;
        }
    return raw;
}

// Decimals needed to write multiples of `step` apart (2.5 needs one, 0.25 two).
int decimals_for(double step) {
    for (int decimals = 0; decimals < 12; ++decimals) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return decimals;
    }
    return 12;
}

// `value` with `decimals` decimals; never "-0". The minus is ASCII: vector exports lay text out
// with the font's ASCII glyphs, and a wider "−" would then reach into its neighbours.
std::string fixed(double value, int decimals) {
    if (std::abs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0;
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// The offset of a note: only the digits it has ("11.3137", not "11.3137000").
std::string trimmed(std::string number) {
    if (number.find('.') == std::string::npos) return number;
    number.erase(number.find_last_not_of('0') + 1);
    if (number.ends_with('.')) number.pop_back();
    return number;
}

// 10^k written as matplotlib's offset text writes it: "1e-6", "1e5".
std::string power_of_ten(int power) { return "1e" + std::to_string(power); }

// Leading decimal digits that every value in [low, high] shares (11.313705 and 11.313711: 6).
int shared_digits(double low, double high) {
    const double largest = std::max(std::abs(low), std::abs(high));
    if (largest == 0 || (low < 0) != (high < 0)) return 0;
    const int top = int(std::floor(std::log10(largest)));
    const int spread = int(std::floor(std::log10(high - low)));
    return std::max(0, top - spread);
}

}  // namespace

AxisTicks axis_ticks(double low, double high, int max_ticks) {
    AxisTicks ticks;
    if (!(high > low)) {
        ticks.positions = {low};
        ticks.labels = {fixed(low, decimals_for(std::abs(low)))};
        return ticks;
    }
    const double step = round_step(low, high, std::max(1, max_ticks - 1));
    for (double k = std::ceil(low / step - 1e-9); k * step <= high + 1e-9 * step; ++k)
        ticks.positions.push_back(k * step == 0 ? 0.0 : k * step);
    double offset = 0;
    int offsetDecimals = 0;
    if (shared_digits(low, high) >= kOffsetDigits) {
        const int place = int(std::ceil(std::log10(high - low)));
        offset = std::floor(low / std::pow(10.0, place)) * std::pow(10.0, place);
        offsetDecimals = std::max(0, -place);
    }
    double largest = 0;
    for (double position : ticks.positions)
        largest = std::max(largest, std::abs(position - offset));
    const int power = largest > 0 ? int(std::floor(std::log10(largest))) : 0;
    const bool scaled = power < kSmallestPower || power >= kLargestPower;
    const double scale = scaled ? std::pow(10.0, power) : 1.0;
    const int decimals = decimals_for(step / scale);
    for (double position : ticks.positions)
        ticks.labels.push_back(fixed((position - offset) / scale, decimals));
    if (scaled) ticks.note = "×" + power_of_ten(power);
    if (offset != 0)
        ticks.note += (ticks.note.empty() ? "" : " ") + std::string(offset > 0 ? "+" : "") +
                      trimmed(fixed(offset, offsetDecimals));
    return ticks;
}

std::vector<std::size_t> thinned_categories(std::size_t count, std::size_t max_labels) {
    std::size_t stride = 1;
    const std::size_t fit = std::max<std::size_t>(1, max_labels);
    for (std::size_t power = 1; (count + stride - 1) / stride > fit; power *= 10)
        for (std::size_t factor : {1, 2, 5}) {
            stride = factor * power;
            if ((count + stride - 1) / stride <= fit) break;
        }
    std::vector<std::size_t> kept;
    for (std::size_t index = 0; index < count; index += stride) kept.push_back(index);
    return kept;
}

}  // namespace lngeom
