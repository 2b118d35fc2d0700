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

namespace {

// "10" with the power in superscript digits, e.g. 10⁻³.
std::string superscript_power_of_ten(int power) {
    static const char* const kDigits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    std::string text = power < 0 ? "10⁻" : "10";
    for (char digit : std::to_string(std::abs(power))) text += kDigits[digit - '0'];
    return text;
}

// The powers of ten inside [low, high], every `stride`-th from a multiple of the stride.
std::vector<int> decades(double low, double high, int stride) {
    std::vector<int> powers;
    const int start = int(std::ceil(low - 1e-9));
    int first = start - ((start % stride) + stride) % stride;  // the multiple at or below start
    if (first < start) first += stride;
    for (int power = first; power <= high + 1e-9; power += stride) powers.push_back(power);
    return powers;
}

void add_tick(AxisTicks& ticks, double position, std::string label) {
    ticks.positions.push_back(position);
    ticks.labels.push_back(std::move(label));
}

// 1, 2 and 5 × 10^k inside [low, high] (log10 units).
AxisTicks one_two_five(double low, double high) {
    AxisTicks ticks;
    for (int power = int(std::floor(low)); power <= int(std::ceil(high)); ++power)
        for (int factor : {1, 2, 5}) {
            const double position = power + std::log10(double(factor));
            if (position < low - 1e-9 || position > high + 1e-9) continue;
            // Plain numbers within a few decades: "0.5, 1, 2" reads better than "0.5, 10⁰, 2".
            const double value = factor * std::pow(10.0, power);
            add_tick(ticks, position, trimmed(fixed(value, std::max(0, -power))));
        }
    return ticks;
}

}  // namespace

AxisTicks log_axis_ticks(double low, double high, int max_ticks) {
    const int most = std::max(2, max_ticks);
    const auto decade_ticks = [&] {
        for (int power = 1;; power *= 10)
            for (int factor : {1, 2, 5}) {
                const std::vector<int> powers = decades(low, high, factor * power);
                if (int(powers.size()) > most) continue;
                AxisTicks ticks;
                for (int p : powers) add_tick(ticks, p, superscript_power_of_ten(p));
                return ticks;
            }
    };
    const std::size_t whole_decades = decades(low, high, 1).size();
    if (whole_decades >= 3) return decade_ticks();
    if (AxisTicks ticks = one_two_five(low, high);
        ticks.positions.size() >= 2 && int(ticks.positions.size()) <= most)
        return ticks;
    if (whole_decades == 2) return decade_ticks();
    // Less than a factor of 2.5: round steps of the values themselves, placed at their logs.
    const AxisTicks linear = axis_ticks(std::pow(10.0, low), std::pow(10.0, high), most);
    AxisTicks ticks;
    ticks.note = linear.note;
    for (std::size_t tick = 0; tick < linear.positions.size(); ++tick)
        if (linear.positions[tick] > 0)
            add_tick(ticks, std::log10(linear.positions[tick]), linear.labels[tick]);
    return ticks;
}

}  // namespace lngeom
