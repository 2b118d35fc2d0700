#include "widgets/figures/figure_pdf_text.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkPlot.h>
#include <vtkStdString.h>
#include <vtkStringArray.h>

#include <array>
#include <utility>

namespace lngeom::widgets {
namespace {

// Superscripts (the log axes' 10⁻¹, 10³) as "^", so each power keeps a distinct spelling.
constexpr std::array<std::pair<char32_t, const char*>, 29> kSpellings{{
    {0x00B0, "deg"}, {0x00B7, "."},    {0x00B1, "+/-"},   {0x221A, "sqrt"},  {0x00FB, "u"},
    {0x03BC, "mu"},  {0x2016, "||"},   {0x03B8, "theta"}, {0x03C3, "sigma"}, {0x03B5, "eps"},
    {0x00B2, "^2"},  {0x2070, "^0"},   {0x00B9, "^1"},    {0x00B3, "^3"},    {0x2074, "^4"},
    {0x2075, "^5"},  {0x2076, "^6"},   {0x2077, "^7"},    {0x2078, "^8"},    {0x2079, "^9"},
    {0x207B, "^-"},  {0x22A5, "perp"}, {0x2212, "-"},     {0x00D7, "x"},     {0x2013, "-"},
    {0x2014, "-"},   {0x2026, "..."},  {0x00A0, " "},     {0x2032, "'"},
}};

// Decodes one UTF-8 sequence at `i` (advancing it); U+FFFD for a malformed one.
char32_t nextCodePoint(const std::string& text, std::size_t& i) {
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    const unsigned char lead = byte(i);
    const int length = lead < 0x80       ? 1
                       : lead >> 5 == 6  ? 2
                       : lead >> 4 == 14 ? 3
                       : lead >> 3 == 30 ? 4
                                         : 0;
    if (length == 0 || i + std::size_t(length) > text.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (int k = 1; k < length; ++k) code = (code << 6) | (byte(i + std::size_t(k)) & 0x3F);
    i += std::size_t(length);
    return code;
}

std::string spellingOf(char32_t code) {
    if (code < 0x80) return std::string(1, char(code));
    for (const auto& [unicode, spelling] : kSpellings)
        if (unicode == code) return spelling;
    return "?";
}

}  // namespace

std::string asciiSpelling(const std::string& utf8) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size();) out += spellingOf(nextCodePoint(utf8, i));
    return out;
}

AsciiChartText::AsciiChartText(vtkChartXY* chart,
                               std::function<std::string(const std::string&)> spell)
    : spell_(std::move(spell)) {
    replace(chart->GetTitle(), [chart](const std::string& text) { chart->SetTitle(text); });
    for (int index = 0; index < 4; ++index) {
        vtkAxis* axis = chart->GetAxis(index);
        replace(axis->GetTitle(), [axis](const std::string& text) { axis->SetTitle(text); });
        vtkStringArray* labels = axis->GetTickLabels();
        if (axis->GetBehavior() != vtkAxis::CUSTOM || !labels) continue;
        for (vtkIdType label = 0; label < labels->GetNumberOfValues(); ++label)
            replace(labels->GetValue(label), [labels, label](const std::string& text) {
                labels->SetValue(label, text);
                labels->Modified();
            });
    }
    for (vtkIdType index = 0; index < chart->GetNumberOfPlots(); ++index) {
        vtkPlot* plot = chart->GetPlot(index);
        replace(plot->GetLabel(), [plot](const std::string& text) { plot->SetLabel(text); });
    }
}

AsciiChartText::~AsciiChartText() {
    for (const auto& restore : restore_) restore();
}

// `text` by value: a tick label arrives as a reference into the array that set() changes.
void AsciiChartText::replace(std::string text, std::function<void(const std::string&)> set) {
    const std::string spelled = spell_(text);
    if (spelled == text) return;
    set(spelled);
    restore_.push_back([set, text] { set(text); });
    spellings_.emplace_back(text, spelled);
}

}  // namespace lngeom::widgets
